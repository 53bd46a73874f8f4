import { buddiesEraser } from './buddies';
import { bulletinsEraser } from './bulletins';
import { checkinEraser } from './checkin';
import { digestEraser } from './digest';
import type { PersonEraser } from './eraser';
import { homeEraser } from './home';
import { meetingsEraser } from './meetings';
import { rosterEraser } from './roster';
import { selfevalEraser } from './selfeval';

export type { ErasureContext, PersonEraser } from './eraser';

/**
 * Every feature's eraser, run in this order inside the erasure transaction
 * (PrismaPrivacyRepo.erase). A feature that keeps a person id adds its eraser here.
 */
export const personErasers: readonly PersonEraser[] = [
  rosterEraser,
  digestEraser,
  checkinEraser,
  meetingsEraser,
  buddiesEraser,
  selfevalEraser,
  bulletinsEraser,
  homeEraser,
];
