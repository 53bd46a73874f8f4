'use strict';
/*
 * Chooses and checks the Agents Playground configuration file (see scripts/playground.js).
 * The playground itself only logs a bad file, so the checks here name each problem.
 */
const fs = require('fs');
const path = require('path');
const YAML = require('yaml');

const ROLES = ['leader', 'senco', 'trust-leader'];
// The rules of the playground's own schema (version 0.1.1, read from @microsoft/m365agentsplayground 0.2.x).
const TOP_KEYS = ['version', 'tenantId', 'bot', 'currentUser', 'users', 'personalChat', 'groupChat', 'team'];
const USER_KEYS = ['id', 'name', 'userPrincipleName', 'aadObjectId', 'givenName', 'surname', 'email'];
const OTHER_USERS = 5;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** `--as ROLE` or `--config FILE` from the arguments; the rest go to the playground. */
function pickConfig(argv, root) {
  const rest = [];
  let role = 'leader';
  let file = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--as' || arg === '--config') {
      const value = argv[i + 1];
      if (!value) return { ok: false, error: `${arg} needs a value` };
      if (arg === '--as') role = value;
      else file = path.resolve(value);
      i++;
    } else rest.push(arg);
  }
  if (!file && !ROLES.includes(role)) return { ok: false, error: `--as takes one of ${ROLES.join(', ')} (not "${role}")` };
  const chosen = file ?? path.join(root, 'playground', `${role}.yml`);
  if (!fs.existsSync(chosen)) return { ok: false, error: `no configuration file at ${chosen}` };
  return { ok: true, path: chosen, who: file ? 'the current user of that file' : `the ${role}`, rest };
}

/** Problems with a playground configuration file's text; an empty list when it is usable. */
function checkPlaygroundConfig(text) {
  let doc;
  try {
    doc = YAML.parse(text);
  } catch (error) {
    return [`it is not valid YAML: ${error.message.split('\n')[0]}`];
  }
  if (!doc || typeof doc !== 'object') return ['it is empty'];
  const problems = [];
  for (const key of Object.keys(doc))
    if (!TOP_KEYS.includes(key)) problems.push(`unknown setting "${key}" (allowed: ${TOP_KEYS.join(', ')})`);
  if (doc.version !== '0.1.1') problems.push('version must be "0.1.1" (in quotes)');
  if (typeof doc.tenantId !== 'string' || doc.tenantId === '') problems.push('tenantId is missing');
  if (!doc.bot || typeof doc.bot.id !== 'string') problems.push('bot.id is missing');
  else if (typeof doc.bot.name !== 'string' || doc.bot.name.length > 42) problems.push('bot.name is needed, at most 42 characters');
  const people = [['currentUser', doc.currentUser], ...(Array.isArray(doc.users) ? doc.users.map((u, i) => [`users[${i}]`, u]) : [])];
  if (!Array.isArray(doc.users) || doc.users.length !== OTHER_USERS)
    problems.push(`users must list exactly ${OTHER_USERS} people besides currentUser`);
  for (const [where, user] of people) {
    if (!user || typeof user !== 'object') {
      problems.push(`${where} is missing`);
      continue;
    }
    for (const key of USER_KEYS) if (typeof user[key] !== 'string' || user[key] === '') problems.push(`${where}.${key} is missing`);
    for (const key of Object.keys(user)) if (!USER_KEYS.includes(key)) problems.push(`${where} has an unknown setting "${key}"`);
    if (typeof user.email !== 'string' || !EMAIL.test(user.email))
      problems.push(`${where}.email must be an email address (the bot finds people by it)`);
  }
  const ids = people.map(([, u]) => u && u.id).filter(Boolean);
  if (new Set(ids).size !== ids.length) problems.push('user ids must be unique');
  if (!doc.personalChat || typeof doc.personalChat.id !== 'string') problems.push('personalChat.id is missing');
  if (!doc.groupChat || typeof doc.groupChat.id !== 'string') problems.push('groupChat.id is missing');
  if (!doc.team || typeof doc.team.id !== 'string' || typeof doc.team.aadGroupId !== 'string' || !Array.isArray(doc.team.channels)) {
    problems.push('team.id, team.aadGroupId and team.channels are needed');
  } else if (doc.team.channels.length > 1) problems.push('team.channels takes at most one channel besides General');
  return problems;
}

module.exports = { checkPlaygroundConfig, pickConfig, ROLES };
