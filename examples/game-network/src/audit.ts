import { logger } from './logger';

/**
 * The audit trail every team writes to. The wrapper itself takes free-form details, so
 * Privacy Review reports personal data at the call that passes it in, not in here.
 */
export function audit(event: string, details: Record<string, unknown>): void {
  logger.info({ audit: true, event, ...details }, `audit: ${event}`);
}

/**
 * Security events keep the player's address for abuse investigations.
 * @retention P90D security audit index is deleted after 90 days
 */
export function securityAudit(event: string, playerId: string, ip: string): void {
  logger.warn({ audit: true, event, playerId, ip }, `security: ${event}`);
}
