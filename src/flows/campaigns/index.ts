/** Campaigns: ask, remind, close, summarise. See docs/architecture.md ("Campaigns"). */
export type { CampaignKind, CampaignStore, CampaignSvc } from './kind';
export { campaignProgress, closeCampaign, inviteAudience, openCampaign, remindWaiting, waitingUnits, type SendCount } from './engine';
export { campaignDueWork, type CampaignDueWorkOptions } from './due-work';
export { unreachedLines } from './reach-text';
