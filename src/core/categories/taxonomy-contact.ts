// Contact and identity categories: how a person is reached or called.
import {
  NON_POSTAL_ADDRESS_QUALIFIERS,
  PERSON_OWNERS,
  SYSTEM_ACCOUNT_QUALIFIERS,
  type CategorySpec,
} from './taxonomy-words';

/** Social networks and roles whose `handle` is an account name (`twitterHandle`), unlike `fileHandle`. */
const HANDLE_OWNERS = [
  'user', 'twitter', 'social', 'player', 'account', 'github', 'instagram', 'telegram', 'tiktok', 'discord', 'slack',
  'author', 'customer', 'public', 'profile', 'mastodon', 'reddit', 'youtube', 'linkedin', 'snapchat', 'skype',
  'bluesky', 'gamer', 'x',
];

export const EMAIL: CategorySpec = {
  id: 'email',
  label: 'Email address',
  fideslang: 'user.contact.email',
  rules: [
    'email', 'e mail', 'email address', 'e mail address', 'mail address',
    // "email id" is common (Indian English) for the address itself, so the `id` is part of the value here.
    'email id', 'mail id',
    // Bare `mail` is usually a message object (nodemailer `mail.subject`), so only a person's mail counts.
    { words: 'mail', after: [...PERSON_OWNERS, 'user', 'contact', 'personal', 'work'] },
  ],
  // SMTP credentials of the service, a client library, a test address.
  lookalikes: ['email user', 'email user name', 'email pass', 'email password', 'mail user', 'mail pass', 'mail password'],
};

export const PHONE_NUMBER: CategorySpec = {
  id: 'phone_number',
  label: 'Phone number',
  fideslang: 'user.contact.phone_number',
  rules: [
    'phone', 'phone number', 'telephone', 'telephone number', 'tel', 'tel number', 'msisdn',
    'mobile number', 'mobile phone', 'cell phone', 'cell number', 'contact number', 'fax number', 'sms number',
    'whatsapp number', 'landline',
    // `mobile` is a phone only as the head noun (`userMobile`), not as a modifier (`mobileApp`, `mobileLayout`).
    { words: 'mobile', atEnd: true, notAfter: ['desktop', 'responsive', 'for', 'on', 'tablet'] },
  ],
  // The device, the product and the UI breakpoint, not the number.
  lookalikes: ['i phone', 'smart phone', 'phone gap'],
};

export const PERSON_NAME: CategorySpec = {
  id: 'person_name',
  label: 'Person name',
  fideslang: 'user.name',
  rules: [
    'first name', 'last name', 'full name', 'middle name', 'given name', 'surname', 'forename', 'fname', 'lname',
    // Not `realName`: in code it is the resolved name behind an alias more often than a person's.
    'maiden name', 'legal name', 'birth name', 'person name',
    { words: 'family name', notAfter: ['font', 'product', 'device', 'os', 'cpu', 'gpu', 'chip', 'type', 'protocol', 'address'] },
    // Bare `name` is a file, a class, an event, a product … far more often than a person: only an
    // owner-qualified name counts. `displayName` alone is React's component name; a user's one is a name.
    { words: 'name', after: PERSON_OWNERS },
    { words: 'display name', after: [...PERSON_OWNERS, 'user'] },
  ],
  lookalikes: ['last name first'],
};

export const POSTAL_ADDRESS: CategorySpec = {
  id: 'postal_address',
  label: 'Postal address',
  fideslang: 'user.contact.address',
  rules: [
    // `zip` is the head noun in `userZip`; as a modifier it is an archive (`zipArchive`, `zipFile`).
    { words: 'zip', atEnd: true, notAfter: ['create', 'read', 'write', 'extract', 'open', 'temp', 'tmp', 'output', 'input', 'archive', 'backup', 'lodash', 'in', 'out', 'to', 'as'] },
    'zip code', 'postcode', 'post code', 'postal code', 'postal address', 'street', 'street address',
    'address line', 'house number', 'mailing address',
    // Bare `address` is postal unless a qualifier makes it a network, memory, crypto or mail-envelope
    // address; ip/mac/email addresses are longer rules of their own and win.
    { words: 'address', notAfter: NON_POSTAL_ADDRESS_QUALIFIERS },
    // Not here on purpose: `city`, `state`, `country` alone are coarse, not a person's address.
  ],
  lookalikes: ['address space', 'address bar', 'address book', 'address width', 'street view', 'street fighter'],
};

export const USERNAME: CategorySpec = {
  id: 'username',
  label: 'Username',
  fideslang: 'user.account.username',
  rules: [
    { words: 'user name', notAfter: SYSTEM_ACCOUNT_QUALIFIERS },
    // A login is the account name only as the head noun: `loginAttempts`, `loginUrl`, `lastLoginAt` are not.
    { words: 'login', atEnd: true, notAfter: ['navigator', 'last', 'first', 'social', 'google', 'facebook', 'github', 'apple', 'sso', 'oauth', 'auto', 'failed', 'successful', 'remember', 'force', 'after', 'before', 'post', 'pre', 'admin', 'do', 'try', 'attempt'] },
    { words: 'login name', notAfter: SYSTEM_ACCOUNT_QUALIFIERS },
    { words: 'login id', notAfter: SYSTEM_ACCOUNT_QUALIFIERS },
    'user login', 'screen name', 'nickname', 'gamertag', 'gamer tag', 'player tag', 'psn id', 'xbox gamertag',
    { words: 'nick', atEnd: true },
    // Bare `handle` is as often a file, timer or DOM handle: only an account's handle counts.
    { words: 'handle', atEnd: true, after: HANDLE_OWNERS },
    // Not here: `accountName` (Azure storage, AWS account names) and `profileName` (AWS CLI profiles).
  ],
  lookalikes: [],
};
