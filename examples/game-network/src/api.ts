import express, { type Request, type Response } from 'express';
import { PrismaClient } from '@prisma/client';
import { logger } from './logger';
import { identifyPlayer } from './analytics';
import type { PaymentMethod, Player, SignupRequest } from './models';

const prisma = new PrismaClient();
const app = express();
app.set('trust proxy', true);
app.use(express.json());

function mask(value: string): string {
  return value.length <= 4 ? '****' : `${'*'.repeat(value.length - 4)}${value.slice(-4)}`;
}

app.post('/players', async (req: Request<unknown, unknown, SignupRequest>, res: Response) => {
  const signup: SignupRequest = req.body;
  // Finding: everything from the handbook, stored with no retention declared.
  const player: Player = await prisma.player.create({
    data: { ...signup, ipHistory: [req.ip ?? ''] },
  });
  logger.info({ playerId: player.id }, 'player created');
  identifyPlayer(player);
  res.status(201).json({ id: player.id });
});

app.post('/sessions', async (req: Request, res: Response) => {
  const { gamertag } = req.body as { gamertag: string };
  const player: Player = await prisma.player.findUniqueOrThrow({ where: { gamertag } });

  // Finding: "logger.info(req.ip)" — how an IP history starts.
  logger.info(`login ${req.ip}`);

  // Finding: "history.push({ ip })" — and how it never ends.
  player.ipHistory.push(req.ip ?? '');
  await prisma.player.update({ where: { id: player.id }, data: { ipHistory: player.ipHistory } });

  res.json({ ok: true });
});

app.post('/players/:id/cards', async (req: Request<{ id: string }>, res: Response) => {
  const { cardNumber, expMonth, expYear } = req.body as Pick<PaymentMethod, 'cardNumber' | 'expMonth' | 'expYear'>;

  // Finding: the full card number goes into the database.
  const card = await prisma.paymentMethod.create({ data: { playerId: req.params.id, cardNumber, expMonth, expYear } });

  // Fine: only the last four digits are logged.
  logger.info({ cardId: card.id, last4: cardNumber.slice(-4) }, 'card added');
  // Fine: masked.
  logger.debug(`card on file ${mask(cardNumber)}`);

  res.status(201).json({ id: card.id });
});

app.patch('/players/:id/contact', async (req: Request<{ id: string }>, res: Response) => {
  const { email, phone } = req.body as Pick<Player, 'email' | 'phone'>;
  // @retention P30D support keeps contact-change requests for a month
  logger.info({ playerId: req.params.id, email, phone }, 'contact change requested');
  // Finding: the new contact details are stored with no retention declared.
  await prisma.player.update({ where: { id: req.params.id }, data: { email, phone } });
  res.sendStatus(204);
});

app.listen(Number(process.env.PORT ?? 8080));
