import { strict as assert } from 'node:assert';
import {
  CATEGORIES,
  CATEGORY_TABLE,
  categoryInfo,
  classifyName,
  tokenize,
  type ExtraNameRules,
} from '../../../src/core/categories';
import { BUILTIN_CATEGORY_IDS } from '../../../src/core/types';

type Case = readonly [name: string, expected: string | undefined];

/** Names that are personal data, one line each: [name, category]. */
const PERSONAL: readonly Case[] = [
  // ip_address
  ['ip', 'ip_address'], ['ipAddress', 'ip_address'], ['clientIp', 'ip_address'], ['userIp', 'ip_address'],
  ['remoteIp', 'ip_address'], ['remoteAddress', 'ip_address'], ['remoteAddr', 'ip_address'], ['xForwardedFor', 'ip_address'],
  ['x-forwarded-for', 'ip_address'], ['X-Forwarded-For', 'ip_address'], ['x-real-ip', 'ip_address'], ['lastLoginIp', 'ip_address'],
  ['ips', 'ip_address'], ['ipHistory', 'ip_address'], ['userIPAddress', 'ip_address'], ['ipv4Addr', 'ip_address'],
  ['CLIENT_IP', 'ip_address'], ['req.ip', 'ip_address'], ['socket.remoteAddress', 'ip_address'], ['ip_addr', 'ip_address'],
  ['ipaddress', 'ip_address'], ['clientIpList', 'ip_address'], ['sourceIp', 'ip_address'], ['getClientIp', 'ip_address'],
  ['cf-connecting-ip', 'ip_address'], ['userIPs', 'ip_address'], ['ipAddresses', 'ip_address'],
  ['IPv6_address', 'ip_address'], ['clientIpv4', 'ip_address'],
  // payment_card
  ['cardNumber', 'payment_card'], ['ccNumber', 'payment_card'], ['cardNo', 'payment_card'], ['creditCard', 'payment_card'],
  ['pan', 'payment_card'], ['cardPan', 'payment_card'], ['cvv', 'payment_card'], ['credit_card_number', 'payment_card'],
  ['CARD_NUMBER', 'payment_card'], ['debitCardNumber', 'payment_card'], ['cardExpiry', 'payment_card'], ['cvc', 'payment_card'],
  ['primaryAccountNumber', 'payment_card'], ['paymentCardNumber', 'payment_card'], ['ccnum', 'payment_card'],
  // phone_number
  ['phone', 'phone_number'], ['phoneNumber', 'phone_number'], ['mobile', 'phone_number'], ['mobileNumber', 'phone_number'],
  ['msisdn', 'phone_number'], ['tel', 'phone_number'], ['telephone', 'phone_number'], ['cellPhone', 'phone_number'],
  ['contactNumber', 'phone_number'], ['userMobile', 'phone_number'], ['phone_no', 'phone_number'], ['PHONE', 'phone_number'],
  ['customerPhone', 'phone_number'], ['emergencyContactPhone', 'phone_number'], ['phones', 'phone_number'],
  ['phoneNumberE164', 'phone_number'], ['phoneNum', 'phone_number'], ['cellphone', 'phone_number'], ['emailOrPhone', 'phone_number'],
  // email
  ['email', 'email'], ['emailAddress', 'email'], ['e_mail', 'email'], ['eMail', 'email'], ['contactEmail', 'email'],
  ['userEmail', 'email'], ['recipientEmail', 'email'], ['EMAIL', 'email'], ['emails', 'email'], ['user.email', 'email'],
  ['emailId', 'email'], ['userMail', 'email'], ['loginEmail', 'email'], ['billingEmail', 'email'], ['e-mail', 'email'],
  ['mailAddress', 'email'], ['verifiedEmail', 'email'],
  // person_name
  ['firstName', 'person_name'], ['lastName', 'person_name'], ['fullName', 'person_name'], ['surname', 'person_name'],
  ['customerName', 'person_name'], ['playerName', 'person_name'], ['userFullName', 'person_name'], ['contactName', 'person_name'],
  ['billingName', 'person_name'], ['holderName', 'person_name'], ['cardholderName', 'person_name'], ['cardHolderName', 'person_name'],
  ['recipientName', 'person_name'], ['first_name', 'person_name'], ['LAST_NAME', 'person_name'], ['givenName', 'person_name'],
  ['familyName', 'person_name'], ['middleName', 'person_name'], ['fname', 'person_name'], ['firstname', 'person_name'],
  ['userDisplayName', 'person_name'], ['authorName', 'person_name'], ['patientName', 'person_name'], ['customerNames', 'person_name'],
  // postal_address
  ['zip', 'postal_address'], ['zipCode', 'postal_address'], ['postcode', 'postal_address'], ['postalCode', 'postal_address'],
  ['street', 'postal_address'], ['streetAddress', 'postal_address'], ['addressLine1', 'postal_address'], ['address', 'postal_address'],
  ['address2', 'postal_address'], ['shippingAddress', 'postal_address'], ['billingAddress', 'postal_address'],
  ['homeAddress', 'postal_address'], ['zip_code', 'postal_address'], ['userZip', 'postal_address'], ['ZIPCODE', 'postal_address'],
  ['deliveryAddress', 'postal_address'], ['mailingAddress', 'postal_address'], ['addresses', 'postal_address'],
  ['customerAddress', 'postal_address'], ['primaryAddress', 'postal_address'], ['defaultAddress', 'postal_address'],
  ['houseNumber', 'postal_address'],
  // device_id
  ['imei', 'device_id'], ['macAddress', 'device_id'], ['serialNumber', 'device_id'], ['deviceId', 'device_id'],
  ['deviceSerial', 'device_id'], ['consoleId', 'device_id'], ['consoleSerial', 'device_id'], ['udid', 'device_id'],
  ['idfa', 'device_id'], ['advertisingId', 'device_id'], ['hardwareId', 'device_id'], ['device_id', 'device_id'],
  ['DEVICE_ID', 'device_id'], ['deviceIds', 'device_id'], ['androidId', 'device_id'], ['pushToken', 'device_id'],
  ['consoleSerialNumber', 'device_id'], ['mac_address', 'device_id'],
  // username
  ['username', 'username'], ['userName', 'username'], ['login', 'username'], ['gamertag', 'username'],
  ['screenName', 'username'], ['nickname', 'username'], ['userHandle', 'username'], ['twitterHandle', 'username'],
  ['user_name', 'username'], ['USERNAME', 'username'], ['gamerTag', 'username'], ['userLogin', 'username'],
  ['loginName', 'username'], ['nick', 'username'], ['emailOrUsername', 'username'],
  // precise_location
  ['lat', 'precise_location'], ['lng', 'precise_location'], ['lon', 'precise_location'], ['latitude', 'precise_location'],
  ['longitude', 'precise_location'], ['coords', 'precise_location'], ['coordinates', 'precise_location'], ['geo', 'precise_location'],
  ['geolocation', 'precise_location'], ['gps', 'precise_location'], ['userLocation', 'precise_location'],
  ['currentLocation', 'precise_location'], ['gpsLocation', 'precise_location'], ['preciseLocation', 'precise_location'],
  ['lastKnownLocation', 'precise_location'], ['latLng', 'precise_location'], ['geoPoint', 'precise_location'],
  ['gpsCoordinates', 'precise_location'], ['driverLocation', 'precise_location'], ['geoLocation', 'precise_location'],
  // government_id
  ['ssn', 'government_id'], ['socialSecurityNumber', 'government_id'], ['nationalId', 'government_id'],
  ['passportNo', 'government_id'], ['passportNumber', 'government_id'], ['taxId', 'government_id'], ['tin', 'government_id'],
  ['nin', 'government_id'], ['driversLicense', 'government_id'], ['driverLicenseNumber', 'government_id'], ['SSN', 'government_id'],
  ['national_id', 'government_id'], ['taxpayerId', 'government_id'], ['drivingLicence', 'government_id'], ['userSsn', 'government_id'],
  // date_of_birth
  ['dob', 'date_of_birth'], ['birthDate', 'date_of_birth'], ['dateOfBirth', 'date_of_birth'], ['birthday', 'date_of_birth'],
  ['birthdate', 'date_of_birth'], ['bday', 'date_of_birth'], ['date_of_birth', 'date_of_birth'], ['userDob', 'date_of_birth'],
  // bank_account
  ['iban', 'bank_account'], ['accountNumber', 'bank_account'], ['bankAccount', 'bank_account'], ['routingNumber', 'bank_account'],
  ['sortCode', 'bank_account'], ['bankAccountNumber', 'bank_account'], ['IBAN', 'bank_account'], ['account_no', 'bank_account'],
  ['acctNumber', 'bank_account'],
  // data of a person that sits next to look-alike words
  ['streetName', 'postal_address'], ['sessionIp', 'ip_address'], ['workEmail', 'email'], ['homePhone', 'phone_number'],
  ['ssnLast4', 'government_id'], ['lngLat', 'precise_location'], ['customer.name', 'person_name'], ['toEmail', 'email'],
];

/** Look-alikes: names that resemble personal data and are not. */
const LOOKALIKES: readonly Case[] = [
  // ip: substrings, infrastructure, metadata
  ['ipcRenderer', undefined], ['recipe', undefined], ['tipAmount', undefined], ['skipCount', undefined], ['shipping', undefined],
  ['ipVersion', undefined], ['ipv6Enabled', undefined], ['serverIp', undefined], ['hostIp', undefined], ['bindIp', undefined],
  ['listenIp', undefined], ['proxyIp', undefined], ['gatewayIp', undefined], ['dnsIp', undefined], ['localIp', undefined],
  ['loopbackIp', undefined], ['nodeIp', undefined], ['podIp', undefined], ['serverIpAddress', undefined], ['ipRange', undefined],
  ['ipFamily', undefined], ['xForwardedForHeader', undefined], ['IP_HEADER', undefined], ['vip', undefined],
  ['description', undefined], ['clipboard', undefined], ['ipCountry', undefined], ['ipLookup', undefined],
  ['loadBalancerIp', undefined], ['equipment', undefined], ['isIpv4', undefined], ['SERVER_IP', undefined],
  ['ipv4', undefined], ['IPv6', undefined], ['ipv4first', undefined], ['IP_MULTICAST_TTL', undefined],
  ['IP_ADD_MEMBERSHIP', undefined], ['NetworkInterfaceInfoIPv4', undefined], ['ipProtocol', undefined],
  // card
  ['cardinality', undefined], ['cardDeck', undefined], ['discardPile', undefined], ['cardCount', undefined], ['cardId', undefined],
  ['giftCardTemplate', undefined], ['scorecard', undefined], ['wildcard', undefined], ['cardTitle', undefined],
  ['cardLayout', undefined], ['panel', undefined], ['expand', undefined], ['company', undefined], ['span', undefined],
  ['panOffset', undefined], ['panX', undefined], ['panY', undefined], ['onPan', undefined], ['panResponder', undefined],
  ['isPanning', undefined], ['panZoom', undefined], ['creditCardType', undefined], ['cardNumberLength', undefined],
  ['maskedCardNumber', undefined], ['audioPan', undefined], ['stereoPanner.pan', undefined], ['zoomAndPan', undefined],
  // phone
  ['phoneme', undefined], ['telephonyProvider', undefined], ['telemetry', undefined], ['hotel', undefined],
  ['mobileApp', undefined], ['isMobile', undefined], ['mobileLayout', undefined], ['iphone', undefined], ['iPhone', undefined],
  ['phoneVerified', undefined], ['isValidPhone', undefined], ['phoneType', undefined], ['phoneCountryCode', undefined],
  ['phoneInput', undefined], ['mobileBreakpoint', undefined], ['telegram', undefined], ['intel', undefined],
  ['PHONE_REGEX', undefined], ['phoneNumberPattern', undefined], ['smartphone', undefined], ['headphones', undefined],
  ['microphone', undefined], ['phonePrefix', undefined], ['MIN_PHONE_DIGITS', undefined], ['smartPhone', undefined],
  // email
  ['emailVerified', undefined], ['hasEmail', undefined], ['emailTemplateId', undefined], ['emailCount', undefined],
  ['emailProvider', undefined], ['emailSubject', undefined], ['emailBody', undefined], ['emailSent', undefined],
  ['sendEmail', undefined], ['emailEnabled', undefined], ['EMAIL_REGEX', undefined], ['emailPattern', undefined],
  ['validateEmail', undefined], ['maxEmailLength', undefined], ['emailService', undefined], ['mailer', undefined],
  ['gmailApi', undefined], ['mailbox', undefined], ['mail', undefined], ['emailHash', undefined], ['hashedEmail', undefined],
  ['emailDomain', undefined], ['EMAIL_FROM', undefined], ['SMTP_EMAIL_USER', undefined], ['emailError', undefined],
  ['emailLabel', undefined], ['emailPlaceholder', undefined], ['emailVerifiedAt', undefined], ['emailOptIn', undefined],
  ['emailConfig', undefined], ['mail.subject', undefined], ['nodemailer', undefined], ['fakeEmail', undefined],
  ['EMAIL_PASSWORD', undefined], ['numEmails', undefined], ['inEmail', undefined], ['preferEmail', undefined],
  ['emailLexical', undefined], ['email_lexical', undefined], ['emailMobiledoc', undefined], ['emailMarkdown', undefined],
  // person_name
  ['name', undefined], ['fileName', undefined], ['namespace', undefined], ['hostName', undefined], ['className', undefined],
  ['eventName', undefined], ['tableName', undefined], ['productName', undefined], ['displayName', undefined],
  ['nameLength', undefined], ['firstNameLabel', undefined], ['memberName', undefined], ['parentName', undefined],
  ['fontFamilyName', undefined], ['callerName', undefined], ['typeName', undefined], ['packageName', undefined],
  ['componentName', undefined], ['lastNameInput', undefined], ['tagName', undefined], ['nodeName', undefined],
  ['filename', undefined], ['hostname', undefined], ['accountName', undefined], ['profileName', undefined],
  ['customerNameField', undefined], ['names', undefined], ['realName', undefined], ['TIn', undefined],
  // postal_address
  ['zipArchive', undefined], ['zipFile', undefined], ['gzip', undefined], ['unzip', undefined], ['zipped', undefined],
  ['serverAddress', undefined], ['bindAddress', undefined], ['listenAddress', undefined], ['baseAddress', undefined],
  ['memoryAddress', undefined], ['contractAddress', undefined], ['hostAddress', undefined], ['walletAddress', undefined],
  ['zipCodeLength', undefined], ['addressFamily', undefined], ['addressSpace', undefined], ['city', undefined],
  ['streetView', undefined], ['createZip', undefined], ['fromAddress', undefined], ['localAddress', undefined],
  ['addressBar', undefined], ['addressType', undefined], ['country', undefined], ['zipStream', undefined],
  ['addressTable', undefined], ['addresses_table', undefined],
  ['ipAccess', undefined], ['ip_access', undefined],
  ['getElementAbsoluteCoords', undefined], ['relativeCoords', undefined], ['sceneCoords', undefined], ['shapeCoordinates', undefined],
  ['postcodeRegex', undefined], ['addressValidator', undefined], ['socket.localAddress', undefined],
  ['reuseAddr', undefined], ['sourceAddress', undefined], ['groupAddress', undefined], ['LookupAddress', undefined],
  ['addAddress', undefined],
  // device_id
  ['serialize', undefined], ['serialPort', undefined], ['deviceType', undefined], ['deviceWidth', undefined],
  ['devicePixelRatio', undefined], ['macOS', undefined], ['isMac', undefined], ['audioDeviceId', undefined],
  ['certSerialNumber', undefined], ['deviceIdType', undefined], ['serializer', undefined], ['videoDeviceId', undefined],
  ['device', undefined], ['serial', undefined], ['packageInstallId', undefined], ['installationId', undefined],
  // username
  ['loginAttempts', undefined], ['loginUrl', undefined], ['lastLoginAt', undefined], ['loginPage', undefined],
  ['loginCount', undefined], ['handle', undefined], ['handleClick', undefined], ['fileHandle', undefined], ['handler', undefined],
  ['handleError', undefined], ['dbUserName', undefined], ['DB_USERNAME', undefined], ['SMTP_USERNAME', undefined],
  ['lastLogin', undefined], ['userNameLength', undefined], ['loginButton', undefined], ['windowHandle', undefined],
  ['googleLogin', undefined], ['usernameRegex', undefined], ['nicknameField', undefined], ['userHandleClick', undefined],
  ['usernameFragment', undefined], ['NavigatorLogin', undefined],
  // precise_location
  ['latency', undefined], ['translate', undefined], ['plateau', undefined], ['lateFee', undefined], ['geometry', undefined],
  ['geoJsonLayer', undefined], ['related', undefined], ['collate', undefined], ['location', undefined],
  ['window.location', undefined], ['long', undefined], ['position', undefined], ['currentPosition', undefined],
  ['screenCoordinates', undefined], ['mouseCoords', undefined], ['gpsEnabled', undefined], ['isLatLngValid', undefined],
  ['latencyMs', undefined], ['geoServer', undefined], ['navigator.geolocation', undefined], ['fileLocation', undefined],
  ['locationHref', undefined], ['textureCoords', undefined], ['ipLocation', undefined], ['lastLocation', undefined],
  // government_id
  ['passport', undefined], ['passportStrategy', undefined], ['tinyint', undefined], ['passportJwt', undefined],
  ['ssnFormat', undefined], ['taxRate', undefined], ['taxIdType', undefined], ['sin', undefined], ['license', undefined],
  // date_of_birth
  ['dobFormat', undefined], ['birthdayReminder', undefined], ['dobPlaceholder', undefined], ['birthYear', undefined],
  ['age', undefined],
  // bank_account
  ['accountId', undefined], ['accountType', undefined], ['bankName', undefined], ['bic', undefined], ['swift', undefined],
  ['swiftUi', undefined], ['bankAccountId', undefined], ['sortOrder', undefined], ['routingTable', undefined],
  ['accountNumberMask', undefined], ['ibanValidator', undefined], ['cardLast4', undefined], ['panLast4', undefined],
  ['cityName', undefined], ['mailingList', undefined], ['latestVersion', undefined], ['geoHash', undefined],
  // an organisation's or the system's contact data, configuration
  ['companyEmail', undefined], ['storeAddress', undefined], ['merchantIban', undefined], ['supportEmail', undefined],
  ['noreplyEmail', undefined], ['fromEmail', undefined], ['companyPhone', undefined], ['businessAddress', undefined],
  ['ipWhitelist', undefined], ['merchantAccountNumber', undefined],
  // names of no category at all
  ['XMLHttpRequest', undefined], ['userId', undefined], ['createdAt', undefined], ['password', undefined], ['apiKey', undefined],
  ['userAgent', undefined], ['', undefined], ['_', undefined], ['123', undefined], ['$', undefined],
];

/** Identifier → words. */
const TOKENS: readonly (readonly [string, readonly string[]])[] = [
  ['ipv4Addr', ['ipv', '4', 'addr']],
  ['address2', ['address', '2']],
  ['addressLine1', ['address', 'line', '1']],
  ['userIPAddress', ['user', 'ip', 'address']],
  ['XMLHttpRequest', ['xml', 'http', 'request']],
  ['getHTTPServer', ['get', 'http', 'server']],
  ['$email', ['email']],
  ['_ip', ['ip']],
  ['__proto__', ['proto']],
  ['x-forwarded-for', ['x', 'forwarded', 'for']],
  ['X-Real-IP', ['x', 'real', 'ip']],
  ['SCREAMING_CASE_NAME', ['screaming', 'case', 'name']],
  ['snake_case_name', ['snake', 'case', 'name']],
  ['kebab-case-name', ['kebab', 'case', 'name']],
  ['PascalCaseName', ['pascal', 'case', 'name']],
  ['user.email', ['user', 'email']],
  ['a.b[0].c', ['a', 'b', '0', 'c']],
  ['userIPs', ['user', 'ips']],
  ['IDs', ['ids']],
  ['IPv4Address', ['ipv', '4', 'address']],
  ['TIn', ['t', 'in']],
  ['AIa', ['a', 'ia']],
  ['URLsList', ['urls', 'list']],
  ['e_mail', ['e', 'mail']],
  ['eMail', ['e', 'mail']],
  ['macOS', ['mac', 'os']],
  ['iPhone', ['i', 'phone']],
  ['#privateField', ['private', 'field']],
  ['prénomNom', ['prénom', 'nom']],
  ['ÉcoleId', ['école', 'id']],
  ['sha256Hash', ['sha', '256', 'hash']],
  ['', []],
  ['123', ['123']],
  ['A', ['a']],
  ['ABC', ['abc']],
];

describe('categories: classifyName', () => {
  for (const [name, expected] of [...PERSONAL, ...LOOKALIKES]) {
    it(`${JSON.stringify(name)} → ${expected ?? 'not personal'}`, () => {
      assert.equal(classifyName(name)?.category, expected);
    });
  }

  it('has at least 200 cases, at least half of them look-alikes', () => {
    assert.ok(PERSONAL.length + LOOKALIKES.length >= 200);
    assert.ok(LOOKALIKES.length >= PERSONAL.length);
  });

  it('reports the words that matched, as written', () => {
    assert.equal(classifyName('clientIpAddr')?.token, 'ip addr');
    assert.equal(classifyName('ipv4Addr')?.token, 'ipv 4 addr');
    assert.equal(classifyName('customerName')?.token, 'customer name');
    assert.equal(classifyName('firstname')?.token, 'firstname');
    assert.equal(classifyName('X-Forwarded-For')?.token, 'x forwarded for');
    assert.equal(classifyName('user.email')?.catalog, undefined);
  });

  it('returns the same frozen result for a name it has seen', () => {
    const first = classifyName('billingAddress');
    assert.ok(first && Object.isFrozen(first));
    assert.equal(classifyName('billingAddress'), first);
  });
});

describe('categories: catalog names', () => {
  const extra: ExtraNameRules = [
    { category: 'loyalty_id', names: ['loyaltyNumber', 'memberNo'] },
    { category: 'customer_ref', names: ['accountNumber'] },
  ];
  const cases: readonly Case[] = [
    ['loyaltyNumber', 'loyalty_id'], ['memberNo', 'loyalty_id'], ['member_number', 'loyalty_id'], ['LOYALTY_NUMBER', 'loyalty_id'],
    ['customerLoyaltyNumbers', 'loyalty_id'], ['loyaltyNumberFormat', undefined], ['isLoyaltyNumber', undefined],
    ['loyalty', undefined], ['accountNumber', 'customer_ref'], ['email', 'email'],
  ];
  for (const [name, expected] of cases) {
    it(`${JSON.stringify(name)} → ${expected ?? 'not personal'} with the catalog`, () => {
      const result = classifyName(name, extra);
      assert.equal(result?.category, expected);
      if (expected && expected !== 'email') assert.equal(result?.catalog, true);
    });
  }

  it('leaves the built-in classification alone', () => {
    assert.equal(classifyName('loyaltyNumber'), undefined);
    assert.equal(classifyName('accountNumber')?.category, 'bank_account');
  });
});

describe('categories: tokenize', () => {
  for (const [name, words] of TOKENS) {
    it(`${JSON.stringify(name)} → ${words.join(' ')}`, () => {
      assert.deepEqual(tokenize(name), words);
    });
  }
});

describe('categories: taxonomy', () => {
  it('lists every built-in id once, in contract order', () => {
    assert.deepEqual(
      CATEGORY_TABLE.map((category) => category.id),
      [...BUILTIN_CATEGORY_IDS],
    );
  });

  it('gives the contract fideslang keys', () => {
    const keys = Object.fromEntries(CATEGORIES.map((category) => [category.id, category.fideslang]));
    assert.deepEqual(keys, {
      ip_address: 'user.device.ip_address',
      payment_card: 'user.financial.credit_card',
      phone_number: 'user.contact.phone_number',
      email: 'user.contact.email',
      person_name: 'user.name',
      postal_address: 'user.contact.address',
      device_id: 'user.device.device_id',
      username: 'user.account.username',
      precise_location: 'user.location.precise',
      government_id: 'user.government_id',
      date_of_birth: 'user.demographic.date_of_birth',
      bank_account: 'user.financial.bank_account',
    });
  });

  it('answers categoryInfo for built-ins only', () => {
    assert.equal(categoryInfo('email')?.label, 'Email address');
    assert.equal(categoryInfo('loyalty_id'), undefined);
  });

  it('classifies every rule written as a plain name as its own category', () => {
    for (const category of CATEGORY_TABLE) {
      for (const rule of category.rules) {
        if (typeof rule !== 'string') continue;
        const name = rule.replace(/ (\w)/g, (_, letter: string) => letter.toUpperCase());
        assert.equal(classifyName(name)?.category, category.id, `${category.id} rule '${rule}' as ${name}`);
      }
    }
  });
});
