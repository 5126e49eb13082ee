#!/usr/bin/env node
/* eslint-disable */
/**
 * Starts the Microsoft 365 Agents Playground (@microsoft/m365agentsplayground) with a few small,
 * named source patches applied in memory (node_modules is never modified). Run by
 * scripts/lib/playground.ts with the CLI's own arguments, e.g. `start --app-endpoint URL --port N`.
 *
 * Patches (each one is looked up by exact text; a missing one is reported, not fatal):
 * - users-limit:    the config schema wants exactly 5 `users`; our demo organisation has 7.
 * - channels-limit: the config schema allows 1 channel besides General.
 * - team-members:   the playground puts every user in its team; take the team's `members` (Teams
 *                   user ids) from the config when it has them, so the bot's roster checks and the
 *                   "Assign to…" list see the team as it is (schema and config both patched).
 * - loopback:       the playground listens on every interface; its connector accepts unauthenticated
 *                   activities and relays to the bot, so keep it on 127.0.0.1.
 * - service-url:    the serviceUrl it gives the bot says `localhost`; say 127.0.0.1 to match.
 * - frontend-url:   its "being launched … http://localhost:N" log line; say 127.0.0.1, as we print.
 * - locale:       every activity the playground builds says `locale: "en-US"` (12 places) and its
 *                   clientInfo entity's time zone is the process's; take the locale from
 *                   SUPPORT_BOT_PLAYGROUND_LOCALE when set (the process's TZ gives the time zone), so a
 *                   persona's Teams can be in French, Swedish or Korean as a real client's is.
 * - install-once:   its page sends installationUpdate + conversationUpdate (the bot's welcome card)
 *                   every time it is loaded; Teams does that once, when the app is installed. The
 *                   first request per conversation goes through (scripts/lib/demo-stack.ts sends it
 *                   at start, so the bot knows every persona before anyone opens a page); later ones
 *                   answer 200 and send nothing.
 *
 * The playground supports one team per instance (its TeamManager holds config.teams[0] only, and
 * every activity it builds asks it for "the" team), so the demo gives each persona a playground with
 * the team they work in rather than lifting that limit.
 *
 * It also makes the playground print its log to stdout: it only writes to its log file when stdout
 * is not a terminal, and we read "Listening on N" and errors from stdout.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

const pkgDir = path.dirname(
  require.resolve('@microsoft/m365agentsplayground/package.json', { paths: [path.resolve(__dirname, '..', '..')] }),
);
const entry = path.join(pkgDir, 'dist', 'index.js');
const version = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;

const PATCHES = [
  { name: 'users-limit', from: '"minItems":5,"maxItems":5', to: '"minItems":1,"maxItems":100' },
  {
    name: 'channels-limit',
    from: '"maxItems":1,"items":{"$ref":"#/$defs/Channel"}',
    to: '"maxItems":20,"items":{"$ref":"#/$defs/Channel"}',
  },
  {
    name: 'team-members',
    from: '"required":["id","name","aadGroupId","channels"],"additionalProperties":false,"properties":{"id":{"type":"string","description":"Team conversation ID.',
    to: '"required":["id","name","aadGroupId","channels"],"additionalProperties":false,"properties":{"members":{"type":"array","items":{"type":"string"}},"id":{"type":"string","description":"Team conversation ID.',
  },
  { name: 'team-members-config', from: 'members:allUserIds}]}}', to: 'members:configFile.team.members??allUserIds}]}}' },
  {
    name: 'loopback',
    from: 'server.listen(port,(function(){try{const port=server.address().port',
    to: 'server.listen(port,"127.0.0.1",(function(){try{const port=server.address().port',
  },
  {
    name: 'service-url',
    from: 'serviceUrl=`http://localhost:${address.port}/_connector`',
    to: 'serviceUrl=`http://127.0.0.1:${address.port}/_connector`',
  },
  { name: 'frontend-url', from: 'const frontendUrl=`http://localhost:${port}`', to: 'const frontendUrl=`http://127.0.0.1:${port}`' },
  {
    name: 'install-once',
    from: 'exports.initInstallation=function initInstallation(req,res){',
    to: 'exports.initInstallation=function initInstallation(req,res){if(!globalThis.__supportBotFirstInstallation(req,res))return;',
  },
  { name: 'locale', from: 'locale:"en-US"', to: 'locale:globalThis.__supportBotLocale', all: true },
];

/** locale: the BCP 47 tag every activity carries (the playground's own default when unset). */
globalThis.__supportBotLocale = process.env.SUPPORT_BOT_PLAYGROUND_LOCALE || 'en-US';

/** install-once: conversation ids whose installation was sent to the bot. */
const installed = new Set();
globalThis.__supportBotFirstInstallation = (req, res) => {
  const id = String(req.params.conversationId);
  if (!installed.has(id)) {
    installed.add(id);
    return true;
  }
  res.status(200).send();
  return false;
};

let source = fs.readFileSync(entry, 'utf8');
const missing = [];
for (const patch of PATCHES) {
  const at = source.indexOf(patch.from);
  // A patch names one place, unless it says `all` (then every occurrence).
  if (at < 0 || (!patch.all && source.indexOf(patch.from, at + 1) >= 0)) {
    missing.push(patch.name);
    continue;
  }
  source = patch.all ? source.split(patch.from).join(patch.to) : source.replace(patch.from, () => patch.to);
}
if (missing.length > 0) {
  console.error(
    `[playground-launcher] @microsoft/m365agentsplayground ${version}: patch(es) not applied: ${missing.join(', ')}. ` +
      'The package changed; see scripts/lib/playground-launcher.js.',
  );
}

// The playground copies console output to stdout only when stdout is a terminal.
process.stdout.isTTY = true;

const mod = new Module(entry, module);
mod.filename = entry;
mod.paths = Module._nodeModulePaths(path.dirname(entry));
compileWithCodeCache(mod, source);

process.on('uncaughtException', (error) => {
  console.error(error);
  process.exit(1);
});
mod.exports.start();

/**
 * Compiles the (patched, 5 MB) bundle with a V8 code cache kept in node_modules/.cache: every
 * persona's playground compiles the same source, and with the cache each starts in about half the
 * CPU time. V8 checks the cache against the source and its own flags and ignores one that does not
 * match; a missing or rejected cache is written once the playground has started (with the functions
 * it compiled while starting), through a temporary file so that parallel starts never read half of one.
 */
function compileWithCodeCache(target, code) {
  const vm = require('node:vm');
  const crypto = require('node:crypto');
  const hash = crypto.createHash('sha256').update(process.version).update(code).digest('hex').slice(0, 16);
  const dir = path.resolve(__dirname, '..', '..', 'node_modules', '.cache', 'agents-playground');
  const file = path.join(dir, `${version}-${hash}.bin`);
  let cachedData;
  try {
    cachedData = fs.readFileSync(file);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(code), { filename: entry, cachedData });
  const fn = script.runInThisContext();
  fn.call(target.exports, target.exports, Module.createRequire(entry), target, entry, path.dirname(entry));
  target.loaded = true;
  if (cachedData && !script.cachedDataRejected) return;
  setTimeout(() => {
    try {
      fs.mkdirSync(dir, { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temp, script.createCachedData());
      fs.renameSync(temp, file);
    } catch {
      // only a cache: the next start compiles without it
    }
  }, 3000).unref();
}
