// Financial, official and demographic categories: the data whose leak costs a person money or identity.
import type { CategorySpec } from './taxonomy-words';

export const PAYMENT_CARD: CategorySpec = {
  id: 'payment_card',
  label: 'Payment card number',
  fideslang: 'user.financial.credit_card',
  rules: [
    'card number', 'cc number', 'ccn', 'credit card', 'credit card number', 'debit card', 'debit card number',
    'primary account number', 'card pan', 'cvv', 'cvc', 'card cvv', 'card cvc', 'card security code',
    // The expiry is cardholder data under PCI DSS when kept with the number; alone it names the card's.
    'card expiry', 'card expiration', 'card exp',
    // `pan` is the head noun only: as a modifier it is a camera or gesture (`panX`, `panOffset`, `PanResponder`).
    { words: 'pan', atEnd: true, notAfter: ['camera', 'map', 'view', 'viewport', 'canvas', 'stereo', 'audio', 'panner', 'zoom', 'on', 'can', 'is', 'start', 'end', 'auto'] },
    // Not here: `card` alone (UI cards, decks, `cardId`), `cc` alone (carbon copy).
  ],
  lookalikes: ['panner pan', 'zoom and pan'],
};

export const BANK_ACCOUNT: CategorySpec = {
  id: 'bank_account',
  label: 'Bank account',
  fideslang: 'user.financial.bank_account',
  rules: [
    'iban', 'account number', 'bank account', 'bank account number', 'routing number', 'aba number', 'sort code',
    'bsb', 'bsb number',
    // Not here: `bic`/`swift` name the bank, not the person; `accountId` is an internal key.
  ],
  lookalikes: [],
};

export const GOVERNMENT_ID: CategorySpec = {
  id: 'government_id',
  label: 'Government identifier',
  fideslang: 'user.government_id',
  rules: [
    'ssn', 'social security number', 'social security', 'social insurance number', 'national id',
    'national identity number', 'national insurance number', 'nino', 'nin', 'passport number', 'passport id',
    'tax id', 'taxpayer id', 'tax identification number', 'itin', 'tin number', 'driver license',
    'driver license number', 'driving license', 'identity card number', 'id card number', 'voter id', 'nhs number',
    'medicare number', 'aadhaar', 'aadhaar number', 'cpf',
    // `tin` only as the head noun. `passport` alone is the auth library; `sin` alone is Math.sin.
    { words: 'tin', atEnd: true },
  ],
  lookalikes: [],
};

export const DATE_OF_BIRTH: CategorySpec = {
  id: 'date_of_birth',
  label: 'Date of birth',
  fideslang: 'user.demographic.date_of_birth',
  rules: [
    'dob', 'birth date', 'date of birth', 'birthday', 'bday', 'born on',
    // Not here: `birthYear` and `age` are coarser demographics.
  ],
  lookalikes: [],
};
