import { CANONICAL_COLUMNS } from '../domain/catalog/canonical-columns';

export const USAGE = `Usage:
  npm run catalog -- import FILE [--partial] [--dry-run]
  npm run catalog -- export FILE
  npm run catalog -- sync-status
  npm run catalog -- attention
  npm run catalog -- --help

import   Adds and updates solutions from FILE (.csv or .json). Idempotent: solutions that
         already match are left alone; solutions missing from the file are kept.
         Every rejected row is listed with its line number and reasons. If any row is
         rejected, nothing is written (exit code 1) unless --partial is given.
  --partial   write the valid rows even when some are rejected
  --dry-run   show what would be added, updated and rejected; write nothing
export   Writes every solution to FILE as canonical CSV (or JSON for .json).
         Importing that file again changes nothing.
sync-status  The last scheduled sync (CATALOG_SYNC_SOURCE): when, counts, rejected rows by
         line, people to look at.
attention    Everyone the catalog names whom the bot cannot reach: not found in Microsoft
         Entra ID, account disabled, or not looked up yet.

Storage (environment): STORAGE_CONNECTION_STRING, or STORAGE_ACCOUNT_URL with a managed
identity or your Azure CLI login (AZURE_CLIENT_ID selects a user-assigned identity);
TABLE_PREFIX if the bot uses one.

CSV: UTF-8 (with or without BOM), RFC 4180 quoting (fields may contain commas, quotes and
line breaks). Header:
  ${CANONICAL_COLUMNS.join(',')}
  id            letters, digits and . _ : @ + - (up to 128), e.g. the Power Apps app id
  kind          canvas-app, model-driven-app, flow, chatbot or other
                (also: canvas, model-driven, cloud flow, power automate, copilot, bot…)
  tier          Productivity, Important or Critical (any case)
  maker_*       email or UPN, display name (optional), Entra object id (optional, a GUID)
  co_owners     Name <email> [entra-object-id]; Name <email>; email; … (ids optional)
  manager_*     the maker's manager: stands in when the maker has left (optional)
  maker_language, department, shared_users, shared_groups, last_used_at, last_modified_at,
  sessions      optional figures from a CoE inventory (dates ISO 8601)
People without an object id are looked up in Microsoft Graph when GRAPH_BASE_URL is set
(with your Azure sign-in or a managed identity; the app needs User.Read.All). Whoever
cannot be found is imported anyway, listed, and not messaged.
  data_sources  names separated by ;
  status        active (default), orphaned (the maker has left) or retired
JSON: an array of objects with the same field names; co_owners may be an array of
{ "name", "email", "aad_id" } and data_sources an array of names.

CoE Starter Kit: an export of the PowerApps App (admin_appid…), Flow (admin_flowid…) or
PVA (admin_pvaid…) table is read as is; add canonical columns (tier, co_owners, …) to set
what the inventory lacks. Without a tier column every row is Productivity. The owner's
email comes from the Maker table (admin_userprincipalname) or a maker_email column.

Exit codes: 0 done, 1 rows rejected (nothing written), 2 bad arguments or unreadable file,
3 storage configuration missing or invalid, 4 storage error.
`;
