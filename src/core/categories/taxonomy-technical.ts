// Categories that identify a person through their connection, device or position.
import { INFRA_QUALIFIERS, PERSON_OWNERS, type CategorySpec } from './taxonomy-words';

/** Screens, canvases and textures have coordinates too; a person's do not come from these. */
const GRAPHICS_QUALIFIERS = [
  'screen', 'mouse', 'texture', 'tex', 'uv', 'canvas', 'pixel', 'client', 'page', 'world', 'local', 'grid', 'cell',
  'tile', 'svg', 'chart', 'cursor', 'pointer', 'touch', 'view', 'viewport', 'window', 'element', 'node', 'bbox',
  'image', 'sprite', 'camera', 'scroll', 'offset', 'editor', 'text', 'source', 'document', 'line', 'cube', 'board',
  'absolute', 'relative', 'scene', 'shape', 'rect',
];

/** Hardware and APIs whose `deviceId` selects a camera or a GPU, not a person's device. */
const PERIPHERAL_QUALIFIERS = [
  'audio', 'video', 'input', 'output', 'media', 'camera', 'microphone', 'mic', 'speaker', 'midi', 'usb', 'gpu',
  'cuda', 'block', 'storage', 'disk', 'render', 'gl', 'webgl', 'webgpu', 'vk', 'vulkan', 'hid', 'serial',
];

/** Who or what makes a `location` a person's whereabouts (`userLocation`), unlike `window.location`. */
const LOCATION_OWNERS = [
  ...PERSON_OWNERS, 'user', 'current', 'gps', 'gnss', 'precise', 'exact', 'known', 'live', 'realtime', 'device',
  'driver', 'rider', 'courier', 'delivery', 'pickup', 'dropoff', 'geo', 'my', 'phone', 'mobile', 'home',
  // Not `last`: `lastLocation` is a cursor or a route far more often; `lastKnownLocation` is covered by `known`.
];

export const IP_ADDRESS: CategorySpec = {
  id: 'ip_address',
  label: 'IP address',
  fideslang: 'user.device.ip_address',
  rules: [
    // `ip` is a whole word only (never inside `shipping`, `recipe`, `ipcRenderer`); a server's, pod's or
    // gateway's own address is infrastructure, not a person's.
    { words: 'ip', notAfter: INFRA_QUALIFIERS },
    { words: 'ip address', notAfter: INFRA_QUALIFIERS },
    // `ipv4`/`IPv6` alone name the protocol version (`family: 'IPv4'`); with an address, or a client's, they are one.
    { words: 'ipv address', notAfter: INFRA_QUALIFIERS },
    { words: 'ipv', after: ['client', 'user', 'remote', 'source', 'customer', 'player', 'real', 'origin', 'visitor'] },
    // The far side of a connection and the proxy headers are always the client, whatever holds them
    // (`req.socket.remoteAddress`).
    'remote address', 'remote ip', 'x forwarded for', 'forwarded for', 'x real ip', 'client ip', 'true client ip',
    'cf connecting ip',
  ],
  lookalikes: [],
};

export const DEVICE_ID: CategorySpec = {
  id: 'device_id',
  label: 'Device identifier',
  fideslang: 'user.device.device_id',
  rules: [
    'imei', 'imsi', 'meid', 'iccid', 'udid', 'idfa', 'idfv', 'gaid', 'advertising id', 'android id', 'hardware id',
    { words: 'mac address', notAfter: ['server', 'host', 'router', 'gateway', 'vm', 'container', 'interface', 'iface', 'bridge'] },
    // Certificates and database sequences have serial numbers too.
    { words: 'serial number', notAfter: ['cert', 'certificate', 'x', 'key', 'ca', 'crl', 'sequence', 'invoice', 'batch', 'lot'] },
    { words: 'device id', notAfter: PERIPHERAL_QUALIFIERS },
    { words: 'device serial', notAfter: PERIPHERAL_QUALIFIERS },
    // Not `installationId`: GitHub Apps and package managers use it for their own installs.
    'console id', 'console serial', 'device fingerprint', 'browser fingerprint', 'device token', 'push token',
  ],
  lookalikes: [],
};

export const PRECISE_LOCATION: CategorySpec = {
  id: 'precise_location',
  label: 'Precise location',
  fideslang: 'user.location.precise',
  rules: [
    // `long` is never a rule: it is a type name far more often than a longitude.
    'lat', 'lng', 'lon', 'latitude', 'longitude', 'lat lng', 'lat lon', 'lat long', 'gps', 'geo', 'geolocation',
    'geo point', 'geo position', 'gps position', 'gps coordinate',
    { words: 'coordinate', notAfter: GRAPHICS_QUALIFIERS },
    // Bare `location` is `window.location`, a file location, a config key: only a person's counts.
    { words: 'location', after: LOCATION_OWNERS },
    { words: 'position', after: ['gps', 'geo', 'gnss', 'user', 'device'] },
  ],
  // `navigator.geolocation` is the browser API object; GeoJSON and geo servers are map data.
  lookalikes: ['navigator geolocation', 'map center lat', 'map center lng'],
};
