import { Analytics } from '@segment/analytics-node';
import crypto from 'node:crypto';
import type { Player } from './models';

const analytics = new Analytics({ writeKey: process.env.SEGMENT_WRITE_KEY ?? '' });

/** Sends the whole profile to the analytics vendor. */
export function identifyPlayer(player: Player): void {
  analytics.identify({ userId: player.id, traits: { gamertag: player.gamertag, email: player.email } });
}

/** Good: the vendor gets a pseudonymous id and non-personal facts only. */
export function trackMatchFinished(player: Player, matchId: string, won: boolean): void {
  const playerKey = crypto.createHash('sha256').update(player.id).digest('hex');
  analytics.track({ userId: playerKey, event: 'Match Finished', properties: { matchId, won } });
}
