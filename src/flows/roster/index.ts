import type { Registry } from '../registry';
import { auditCommand } from './audit';
import { importActions, importCommand, importHelp, csvUpload } from './import';
import { greet, joinDecide, joinSubmit, requestsCommand } from './join';
import { personActions, personCommands, peopleCommand } from './people';
import { eraseMeCommand, myDataCommand, privacyActions } from './privacy';
import { profileActions, profileCommand } from './profile';
import { reachCommand } from './reach';
import { schoolActions, schoolCommands, schoolsCommand } from './schools';
import { formCancel, setupCommand, setupSubmit } from './setup';

/** Trust set-up, schools, people, profiles, imports, identities, audit and personal data. */
export function registerRoster(registry: Registry): Registry {
  for (const command of [
    setupCommand,
    schoolsCommand,
    ...schoolCommands,
    peopleCommand,
    ...personCommands,
    profileCommand,
    importCommand,
    reachCommand,
    requestsCommand,
    auditCommand,
    myDataCommand,
    eraseMeCommand,
  ]) {
    registry.addCommand(command);
  }
  for (const action of [
    setupSubmit,
    formCancel,
    joinSubmit,
    joinDecide,
    importHelp,
    ...schoolActions,
    ...personActions,
    ...profileActions,
    ...importActions,
    ...privacyActions,
  ]) {
    registry.addAction(action);
  }
  registry.setUpload(csvUpload).setGreeter(greet);
  return registry;
}

export { handleMembers } from './reach';
