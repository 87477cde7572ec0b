#!/usr/bin/env node
// Turns Trunk's dist/ (index.html, the wasm-bindgen `--target web` glue, the _bg.wasm and the
// CSS) into dist/matrix-explorer.html: one file that works when opened from disk (file://),
// with the WebAssembly embedded gzip-compressed as base64, the CSS inlined, and a Content-Security-Policy that
// allows only this one inline script (by its sha256) and no network at all.
//
// The build fails (exit 1, no file written) if anything in the result could still load
// another file or reach the network.
//
// Usage: node scripts/single-file.mjs [dist-dir]        (no dependencies besides node)

import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const OUTPUT_NAME = "matrix-explorer.html";

/** Namespace names that look like URLs but are never fetched (Yew creates SVG with them). */
const XML_NAMESPACES = [
  "http://www.w3.org/2000/svg",
  "http://www.w3.org/1999/xhtml",
  "http://www.w3.org/1998/Math/MathML",
  "http://www.w3.org/1999/xlink",
  "http://www.w3.org/2000/xmlns/",
  "http://www.w3.org/XML/1998/namespace",
];

/** The policy; SCRIPT_HASH is replaced by the hash of the inline module. */
const CSP_TEMPLATE = [
  "default-src 'none'",
  "script-src 'sha256-SCRIPT_HASH' 'wasm-unsafe-eval'",
  "style-src 'unsafe-inline'",
  "img-src data: blob:",
  "font-src data:",
  "connect-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "manifest-src 'none'",
].join("; ");

/** Stands in for the base64 payload while the result is scanned (base64 can spell "src="). */
const PAYLOAD_MARK = "WASM_BASE64_PAYLOAD";

class BuildError extends Error {}

function fail(message) {
  throw new BuildError(message);
}

/** The value of attribute `name` in the start tag `tag`, or undefined. */
function attribute(tag, name) {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, "i").exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/** A dist-relative path from an href like "/main-1a2b.css" (Trunk's public_url is "/"). */
function distPath(distDir, href) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//")) {
    fail(`index.html refers to a non-local resource: ${href}`);
  }
  const path = resolve(distDir, href.replace(/^\.?\/+/, ""));
  if (!path.startsWith(resolve(distDir))) fail(`index.html refers outside dist/: ${href}`);
  if (!existsSync(path)) fail(`index.html refers to a missing file: ${href}`);
  return path;
}

/** Splits Trunk's index.html into the pieces the single file is rebuilt from. */
function readTrunkPage(distDir) {
  const html = readFileSync(join(distDir, "index.html"), "utf8");
  const lang = attribute(/<html\b[^>]*>/i.exec(html)?.[0] ?? "", "lang") ?? "en";
  const head = /<head\b[^>]*>([\s\S]*?)<\/head>/i.exec(html)?.[1];
  const body = /<body\b[^>]*>([\s\S]*?)<\/body>/i.exec(html);
  if (head === undefined || !body) fail("dist/index.html has no <head> or no <body>");

  const page = { lang, metas: [], title: undefined, css: [], js: undefined, wasm: undefined };
  page.bodyTag = /<body\b[^>]*>/i.exec(html)[0];
  page.body = body[1].trim();

  const element = /<!--[\s\S]*?-->|<script\b[^>]*>[\s\S]*?<\/script>|<style\b[^>]*>[\s\S]*?<\/style>|<title\b[^>]*>[\s\S]*?<\/title>|<(?:meta|link)\b[^>]*>|\S[^<]*/gi;
  for (const [text] of head.matchAll(element)) {
    const tag = text.toLowerCase();
    if (tag.startsWith("<!--")) continue;
    if (tag.startsWith("<title")) {
      page.title = text;
    } else if (tag.startsWith("<meta")) {
      if (attribute(text, "http-equiv")?.toLowerCase() === "content-security-policy") {
        fail("index.html must not carry its own Content-Security-Policy (it would break trunk serve)");
      }
      // The charset meta is written first by this script; keep the others (viewport etc.).
      if (attribute(text, "charset") === undefined) page.metas.push(text);
    } else if (tag.startsWith("<link")) {
      const rel = (attribute(text, "rel") ?? "").toLowerCase();
      const href = attribute(text, "href") ?? "";
      if (rel === "stylesheet") page.css.push({ href, text: readFileSync(distPath(distDir, href), "utf8") });
      else if (rel === "modulepreload" && href.endsWith(".js")) page.js ??= href;
      else if (rel === "preload" && href.endsWith(".wasm")) page.wasm ??= href;
      else fail(`unexpected <link> in dist/index.html: ${text}`);
    } else if (tag.startsWith("<script")) {
      // Trunk's loader: import init from '/x.js'; await init({ module_or_path: '/x_bg.wasm' })
      const js = /import\s+init\b[^;]*?from\s*['"]([^'"]+\.js)['"]/.exec(text)?.[1];
      const wasm = /['"]([^'"]+_bg\.wasm)['"]/.exec(text)?.[1];
      if (!js || !wasm) fail(`unexpected <script> in dist/index.html: ${text.slice(0, 200)}`);
      page.js = js;
      page.wasm = wasm;
    } else if (tag.startsWith("<style")) {
      page.css.push({ href: "(inline)", text: text.replace(/^<style\b[^>]*>|<\/style>$/gi, "") });
    } else {
      fail(`unexpected content in the <head> of dist/index.html: ${text.slice(0, 200)}`);
    }
  }
  if (!page.title) fail("dist/index.html has no <title>");
  if (!page.js || !page.wasm) fail("dist/index.html does not load a wasm-bindgen module");
  if (/<(?:script|link)\b/i.test(page.body)) fail("dist/index.html has a <script> or <link> in <body>");
  return page;
}

/**
 * The glue with its one file reference removed. `__wbg_init` falls back to
 * `new URL('<name>_bg.wasm', import.meta.url)` when given no module; the single file always
 * passes the bytes, so that fallback becomes an error instead of a file reference.
 * Whole-line `//` comments go too (one of them is a link to MDN).
 */
function neutralisedGlue(glue) {
  const fallback = /new\s+URL\(\s*(['"`])[^'"`]*?\.wasm\1\s*,\s*import\.meta\.url\s*\)/g;
  const count = glue.match(fallback)?.length ?? 0;
  if (count !== 1) fail(`expected one default wasm path in the wasm-bindgen glue, found ${count}`);
  return glue.replace(/^[ \t]*\/\/.*\n/gm, "").replace(
    fallback,
    '(() => { throw new Error("the WebAssembly module is embedded in this file; there is no file to load"); })()',
  );
}

/** The name the glue exports as default (its async init). */
function initName(glue) {
  const name =
    /export\s*\{[^}]*?\b([\w$]+)\s+as\s+default\b[^}]*\}/.exec(glue)?.[1] ??
    /export\s+default\s+([\w$]+)\s*;/.exec(glue)?.[1];
  if (!name) fail("cannot find the default export (init) of the wasm-bindgen glue");
  return name;
}

/** The inline module: the glue, then start-up code that inflates and starts the embedded wasm. */
function inlineModule(glue, packed) {
  const init = initName(glue);
  const startup = `
// Start-up: the WebAssembly module is embedded gzip-compressed as base64, decoded with atob
// and inflated with the browser's own DecompressionStream (no fetch: the
// Content-Security-Policy has connect-src 'none').
{
  const encoded = "${packed.toString("base64")}";
  try {
    if (typeof DecompressionStream !== "function") {
      throw new Error("this browser cannot unpack the app (it has no DecompressionStream); use a current Chrome, Edge or Firefox");
    }
    const binary = atob(encoded);
    const packed = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) packed[i] = binary.charCodeAt(i);
    const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream("gzip"));
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    await ${init}({ module_or_path: bytes });
    document.documentElement.dataset.wasm = "started";
  } catch (error) {
    document.documentElement.dataset.wasm = "failed";
    const message = document.createElement("p");
    message.setAttribute("role", "alert");
    message.textContent = "Matrix Explorer could not start in this browser: " + error;
    document.body.append(message);
    throw error;
  }
}
`;
  return `${neutralisedGlue(glue).trimEnd()}\n${startup}`;
}

function escapeAttribute(text) {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
}

/** The single HTML document. */
function assemble(page, css, script) {
  const hash = createHash("sha256").update(script, "utf8").digest("base64");
  const csp = CSP_TEMPLATE.replace("SCRIPT_HASH", hash);
  const head = [
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">`,
    '<meta charset="utf-8">',
    ...page.metas,
    page.title,
    `<style>\n${css.trim()}\n</style>`,
    `<script type="module">${script}</script>`,
  ];
  return [
    "<!DOCTYPE html>",
    `<html lang="${escapeAttribute(page.lang)}">`,
    "<head>",
    ...head,
    "</head>",
    page.bodyTag,
    page.body,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

/** Every way the finished document could still reach another file or the network. */
function problems(html, distDir) {
  const found = [];
  const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)];
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]);
  const markup = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>|<style\b[^>]*>[\s\S]*?<\/style>/gi, "");
  const code = scripts.map((m) => m[1]).join("\n");

  if (scripts.length !== 1) found.push(`${scripts.length} <script> elements (expected exactly 1)`);
  const headStart = /<head\b[^>]*>\s*(<[^>]*>)/i.exec(html)?.[1] ?? "";
  if (!/http-equiv="Content-Security-Policy"/i.test(headStart)) {
    found.push("the Content-Security-Policy is not the first element of <head>");
  }

  for (const [attr, , quoted, singleQuoted, bare] of markup.matchAll(
    /\s(src|href|srcset|poster|action|formaction|data|background|ping|manifest|xlink:href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]*))/gi,
  )) {
    const target = (quoted ?? singleQuoted ?? bare ?? "").trim();
    if (!target.startsWith("#") && !target.startsWith("data:")) found.push(`markup refers to a file: ${attr.trim()}`);
  }
  for (const [tag] of markup.matchAll(/<(?:link|base|iframe|frame|object|embed|portal)\b[^>]*>/gi)) {
    found.push(`markup has a loading element: ${tag}`);
  }
  for (const text of [markup, ...styles]) {
    for (const [ref] of text.matchAll(/url\(\s*(?!['"]?\s*data:)[^)]*\)/gi)) found.push(`CSS refers to a file: ${ref}`);
    for (const [ref] of text.matchAll(/@import\b[^;]*/gi)) found.push(`CSS imports a file: ${ref}`);
  }
  const scriptChecks = [
    [/\bimport\s*\(/g, "a dynamic import()"],
    [/(?:^|[;\n}])\s*import\s*(?:[\w$*{][^;'"]*?\bfrom\s*)?['"][^'"]*['"]/g, "a static import of another file"],
    [/\bexport\s*(?:\*|\{[^}]*\})\s*from\s*['"][^'"]*['"]/g, "a re-export from another file"],
    [/\bimport\.meta\b/g, "import.meta (a file-relative reference)"],
    [/\bnew\s+URL\s*\(/g, "new URL(...)"],
    [/[\w.-]+_bg\.wasm/g, "a reference to the .wasm file"],
    [/sourceMappingURL/g, "a source map reference"],
    [/\bimportScripts\s*\(|\bnew\s+(?:Shared)?Worker\s*\(/g, "a worker script"],
  ];
  for (const [pattern, what] of scriptChecks) {
    for (const [text] of code.matchAll(pattern)) found.push(`the script has ${what}: ${text.trim().slice(0, 120)}`);
  }
  for (const [url] of html.matchAll(/\b(?:https?|wss?|ftp):\/\/[^\s"'`<>)]*/gi)) {
    if (!XML_NAMESPACES.includes(url)) found.push(`a network address: ${url}`);
  }
  if (existsSync(join(distDir, "snippets"))) {
    found.push("dist/snippets exists: the glue imports JS snippets from separate files");
  }
  return found;
}

/** Addresses written inside the wasm's data (text, shown for a human to judge). */
function urlsInWasm(bytes) {
  const text = bytes.toString("latin1");
  const urls = new Set(text.match(/\b(?:https?|wss?):\/\/[\x21-\x7e]+/g) ?? []);
  return [...urls].filter((url) => !XML_NAMESPACES.some((ns) => url.startsWith(ns)));
}

function size(bytes) {
  return `${bytes.toLocaleString("en-GB")} B (${(bytes / 1024).toFixed(1)} KiB)`;
}

function main() {
  const distDir = resolve(process.argv[2] ?? "dist");
  const output = join(distDir, OUTPUT_NAME);
  if (!existsSync(join(distDir, "index.html"))) fail(`${distDir}/index.html not found: run trunk build first`);
  rmSync(output, { force: true });

  const page = readTrunkPage(distDir);
  const glue = readFileSync(distPath(distDir, page.js), "utf8");
  const wasm = readFileSync(distPath(distDir, page.wasm));
  const css = page.css.map((sheet) => sheet.text.trim()).join("\n\n");
  const packed = gzipSync(wasm, { level: 9 });
  const script = inlineModule(glue, packed);
  // The HTML parser would end or garble an inline script at these; JS cannot be escaped safely.
  const unsafe = /<\/script|<script|<!--/i.exec(script);
  if (unsafe) fail(`the script contains "${unsafe[0]}", which cannot be inlined in HTML`);
  if (/<\/style/i.test(css)) fail('the CSS contains "</style", which cannot be inlined in HTML');
  const html = assemble(page, css, script);

  const found = problems(html.replace(packed.toString("base64"), () => PAYLOAD_MARK), distDir);
  if (found.length > 0) fail(`the single file would not be self-contained:\n  - ${found.join("\n  - ")}`);

  writeFileSync(output, html);

  const used = new Set(["index.html", OUTPUT_NAME, ...[page.js, page.wasm, ...page.css.map((s) => s.href)].map((h) => h.replace(/^\.?\/+/, ""))]);
  const unused = readdirSync(distDir).filter((name) => !used.has(name));
  const log = (label, value) => console.log(`  ${label.padEnd(22)} ${value}`);
  console.log(`single-file: wrote ${output}`);
  log("wasm", size(wasm.length));
  log("wasm, gzip -9", size(gzipSync(wasm, { level: 9 }).length));
  log("JS glue", size(Buffer.byteLength(glue)));
  log("CSS", size(Buffer.byteLength(css)));
  log("matrix-explorer.html", size(statSync(output).size));
  log("  gzip -9", size(gzipSync(html, { level: 9 }).length));
  for (const name of unused) console.log(`  note: dist/${name} is not part of the single file`);
  for (const url of urlsInWasm(wasm)) console.log(`  note: the wasm contains the text ${url} (never fetched: connect-src 'none')`);
}

try {
  main();
} catch (error) {
  if (!(error instanceof BuildError)) throw error;
  console.error(`single-file: error: ${error.message}`);
  process.exitCode = 1;
}
