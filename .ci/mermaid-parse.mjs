// Parses Mermaid files with Mermaid itself (in jsdom, no browser) and
// fails on the first that does not parse. Used by .ci/mermaid-check.
import { JSDOM } from 'jsdom';
import { readFileSync } from 'fs';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });

let bad = 0;
for (const file of process.argv.slice(2)) {
  try {
    const result = await mermaid.parse(readFileSync(file, 'utf8'));
    console.log(`ok ${file} (${result.diagramType})`);
  } catch (err) {
    bad++;
    console.log(`FAIL ${file}: ${String(err.message || err).split('\n')[0]}`);
  }
}
process.exit(bad ? 1 : 0);
