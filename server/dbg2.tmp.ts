import { indexTokens, queryWords } from '/work/h-search/server/src/search/text/segment';
for (const t of process.argv.slice(2)) { console.log(t, '| q:', queryWords(t).join(' '), '| ix:', indexTokens(t).join(' ')); }
