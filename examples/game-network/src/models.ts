/**
 * What the game network knows about a player. This is the list from the leaked handbook:
 * gamertag, card number, phone, first/last name with zip code, console serial, email, and
 * "IP history for the lifetime of the gamertag".
 */
export interface Player {
  id: string;
  gamertag: string;
  email: string;
  phone: string;
  firstName: string;
  lastName: string;
  zipCode: string;
  /** @retention forever */
  consoleSerial: string;
  ipHistory: string[];
  createdAt: Date;
}

export interface PaymentMethod {
  id: string;
  playerId: string;
  cardNumber: string;
  expMonth: number;
  expYear: number;
}

/** A live session; the presence service only needs it while the player is online. */
export interface GameSession {
  sessionId: string;
  playerId: string;
  /** @retention P90D kept for abuse investigations, then purged by the nightly job */
  lastLoginIp: string;
  region: 'eu' | 'na' | 'apac';
}

export interface SignupRequest {
  gamertag: string;
  email: string;
  phone: string;
  firstName: string;
  lastName: string;
  zipCode: string;
  consoleSerial: string;
}
