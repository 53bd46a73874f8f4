import type { Prisma } from '@prisma/client';
import { accountConversationKey, personConversationKey } from '../../core/conversation';
import type { PersonEraser } from './eraser';

/** Chat accounts, roles, conversation state, snoozes and messages to them. */
export const rosterEraser: PersonEraser = {
  feature: 'roster',
  columns: {
    'RoleAssignment.personId': 'deleted',
    'ChatIdentity.personId': 'deleted (ids, emails, display names, conversation references)',
    'Snooze.personId': 'deleted',
    'OutboxMessage.personId':
      'undelivered rows deleted; delivered rows keep the anonymous id and status (delivery counts), lose address and text',
    'RosterImport.actorId': 'unlinked (set to null)',
    'ApprovalRequest.personId':
      'kept: the anonymous id on the erasure request itself and on decided join requests (the trail of the erasure)',
    'ApprovalRequest.decidedById': 'kept: anonymous id, like the audit log',
    'AuditEntry.actorId': 'kept: the audit log holds ids only, by design',
    'AuditEntry.subject': 'kept: the audit log holds ids only, by design',
  },
  async erase({ tx, personId }) {
    const identities = await tx.chatIdentity.findMany({ where: { personId }, select: { platform: true, tenantId: true, userId: true } });
    const stateKeys = [personConversationKey(personId), ...identities.map((i) => accountConversationKey(i))];
    await tx.conversationState.deleteMany({ where: { key: { in: stateKeys } } });
    await tx.chatIdentity.deleteMany({ where: { personId } });
    await tx.roleAssignment.deleteMany({ where: { personId } });
    await tx.snooze.deleteMany({ where: { personId } });
    // Undelivered messages to them go; delivered ones keep their status (anonymous delivery
    // counts) but lose the address and the text.
    await tx.outboxMessage.deleteMany({ where: { personId, status: { in: ['queued', 'held'] } } });
    await tx.outboxMessage.updateMany({
      where: { personId },
      data: { target: {}, content: {} as Prisma.InputJsonValue, lastError: null },
    });
    await tx.rosterImport.updateMany({ where: { actorId: personId }, data: { actorId: null } });
  },
};
