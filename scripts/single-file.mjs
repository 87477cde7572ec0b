#!/usr/bin/env node
// Turns Trunk's dist/ (index.html, the wasm-bindgen `--target web` glue, the _bg.wasm and the
// CSS) into dist/matrix-explorer.html: one file that works when opened from disk (file://),
// with a small start-up script inline and the CSS, the minified JS glue and the WebAssembly
// embedded deflate-compressed (zopfli) as a windows-1252 string, one byte a character, and a
// Content-Security-Policy that allows only the start-up script and the glue (each by its
// sha256) and no network at all.
//
// The build fails (exit 1, no file written) if anything in the result could still load
// another file or reach the network.
//
// Usage: node scripts/single-file.mjs [dist-dir]
// Needs the node packages in package.json: esbuild (minifies) and @gfx/zopfli (compresses).

import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { transformSync } from "esbuild";
import zopfli from "@gfx/zopfli";

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

/**
 * The policy; SCRIPT_HASH is replaced by the hash of the inline module, GLUE_HASH by that of
 * the glue, which the module unpacks and adds to the page as an inline script.
 */
const CSP_TEMPLATE = [
  "default-src 'none'",
  "script-src 'sha256-SCRIPT_HASH' 'sha256-GLUE_HASH' 'wasm-unsafe-eval'",
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

/**
 * Stands in for the payload (the compressed wasm) in the script until the very end: while the
 * script is minified and while the result is scanned (random bytes can spell "src=").
 */
const PAYLOAD_MARK = "WASM_PAYLOAD_BYTES";

/**
 * The document's encoding. In windows-1252 every byte is one character, so the compressed wasm
 * costs about one byte a byte in the file (base64 costs 4 for 3). Everything else in the file
 * is ASCII, the same in any encoding that browsers support.
 */
const CHARSET = "windows-1252";

/**
 * The characters that browsers decode bytes 0x80-0x9F to in windows-1252 (the WHATWG Encoding
 * Standard's index, which keeps the five bytes Windows leaves undefined as C1 controls). Every
 * other byte b is the character U+00b.
 */
const WINDOWS_1252_80_9F = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** zopfli's settings: about 10 s on the build machine, 7% smaller than gzip -9. */
const ZOPFLI = { numiterations: 15, blocksplittingmax: 0 };

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

/**
 * The glue's two functions that its async init uses to start the wasm from bytes: the imports
 * object, and what is done with the instance. The start-up calls them itself after
 * `WebAssembly.instantiate`, as that init does, so that the init's other ways of loading
 * (fetching a URL or a Response) are not in the page at all.
 */
const GLUE_IMPORTS = "__wbg_get_imports";
const GLUE_FINALIZE = "__wbg_finalize_init";

function checkGlueStart(glue) {
  for (const [name, params] of [[GLUE_IMPORTS, ""], [GLUE_FINALIZE, "instance, module"]]) {
    const found = glue.match(new RegExp(`\\bfunction ${name}\\(\\s*${params.replace(/ /g, "\\s*")}\\s*\\)`, "g"))?.length ?? 0;
    if (found !== 1) fail(`expected one function ${name}(${params}) in the wasm-bindgen glue, found ${found}`);
  }
}

/** An unsigned LEB128 number at `at` in `bytes`: [value, offset after it]. */
function readLeb(bytes, at) {
  let value = 0;
  let scale = 1;
  let byte;
  do {
    if (at >= bytes.length) fail("the wasm ends inside a number");
    byte = bytes[at++];
    value += (byte & 0x7f) * scale;
    scale *= 128;
  } while (byte & 0x80);
  return [value, at];
}

/** `value` as unsigned LEB128. */
function leb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
}

/** A wasm name (length-prefixed UTF-8) at `at`: [name, offset after it]. */
function readName(bytes, at) {
  const [length, start] = readLeb(bytes, at);
  return [bytes.toString("utf8", start, start + length), start + length];
}

function nameBytes(name) {
  const bytes = Buffer.from(name, "utf8");
  return Buffer.concat([leb(bytes.length), bytes]);
}

/** The wasm's sections as { id, body }, in order. */
function wasmSections(wasm) {
  if (wasm.readUInt32LE(0) !== 0x6d736100 || wasm.readUInt32LE(4) !== 1) fail("the wasm is not a WebAssembly 1 module");
  const sections = [];
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [length, start] = readLeb(wasm, at + 1);
    sections.push({ id, body: wasm.subarray(start, start + length) });
    at = start + length;
  }
  return sections;
}

/** The import section's entries as { module, name, desc } (desc: the bytes after the names). */
function readImports(body) {
  const [count, first] = readLeb(body, 0);
  const imports = [];
  let at = first;
  for (let i = 0; i < count; i += 1) {
    const [module, afterModule] = readName(body, at);
    const [name, afterName] = readName(body, afterModule);
    const kind = body[afterName];
    if (kind !== 0x00) fail(`the wasm imports ${module}.${name}, which is not a function (kind ${kind})`);
    const [, end] = readLeb(body, afterName + 1); // the function's type index
    imports.push({ module, name, desc: body.subarray(afterName, end) });
    at = end;
  }
  if (at !== body.length) fail("the wasm's import section has bytes after its entries");
  return imports;
}

/** The export section's entries as { name, desc } (desc: kind and index). */
function readExports(body) {
  const [count, first] = readLeb(body, 0);
  const exports = [];
  let at = first;
  for (let i = 0; i < count; i += 1) {
    const [name, afterName] = readName(body, at);
    const [, end] = readLeb(body, afterName + 1);
    exports.push({ name, desc: body.subarray(afterName, end) });
    at = end;
  }
  if (at !== body.length) fail("the wasm's export section has bytes after its entries");
  return exports;
}

/** Short names: a, b, ... z, A, ... Z, aa, ab, ... */
function shortName(index) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let name = "";
  let n = index;
  do {
    name = letters[n % letters.length] + name;
    n = Math.floor(n / letters.length) - 1;
  } while (n >= 0);
  return name;
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The wasm and its glue with short names for what one gives the other: wasm-bindgen names
 * each import after its binding plus a hash (`__wbg_addEventListener_f2d27251d333a631`), and
 * its module after the glue's file, and both are written in the wasm and in the glue. Each
 * import must appear in the glue exactly once, as a key of its imports object, and each export
 * the glue uses only as `wasm.<name>`; anything else fails the build.
 */
function shortenNames(wasm, glue) {
  const sections = wasmSections(wasm);
  const importSection = sections.find((section) => section.id === 2);
  const exportSection = sections.find((section) => section.id === 7);
  if (!importSection || !exportSection) fail("the wasm has no import or no export section");
  const imports = readImports(importSection.body);
  const exports = readExports(exportSection.body);

  const modules = [...new Set(imports.map((entry) => entry.module))];
  const moduleNames = new Map(modules.map((module, i) => [module, shortName(i)]));
  for (const [module, short] of moduleNames) {
    const key = new RegExp(`(["'])${escapeRegExp(module)}\\1(\\s*:)`, "g");
    const found = glue.match(key)?.length ?? 0;
    if (found !== 1) fail(`expected the import module "${module}" once as a key in the glue, found ${found}`);
    glue = glue.replace(key, `"${short}"$2`);
  }
  const importNames = new Map();
  for (const entry of imports) {
    const names = importNames.get(entry.module) ?? new Map();
    importNames.set(entry.module, names);
    if (!names.has(entry.name)) names.set(entry.name, shortName(names.size));
  }
  for (const names of importNames.values()) {
    for (const [name, short] of names) {
      const anywhere = new RegExp(`(?<![\\w$])${escapeRegExp(name)}(?![\\w$])`, "g");
      const asKey = new RegExp(`(?<![\\w$.])${escapeRegExp(name)}(\\s*:)`, "g");
      const found = glue.match(anywhere)?.length ?? 0;
      if (found !== 1 || (glue.match(asKey)?.length ?? 0) !== 1) {
        fail(`expected the import ${name} once in the glue, as a key of its imports object; found it ${found} times`);
      }
      glue = glue.replace(asKey, `${short}$1`);
    }
  }
  const exportNames = new Map();
  for (const entry of exports) {
    const asMember = new RegExp(`(?<![\\w$])wasm\\.${escapeRegExp(entry.name)}(?![\\w$])`, "g");
    const member = new RegExp(`\\.\\s*${escapeRegExp(entry.name)}(?![\\w$])|\\[\\s*["'\`]${escapeRegExp(entry.name)}["'\`]`, "g");
    const used = glue.match(asMember)?.length ?? 0;
    if ((glue.match(member)?.length ?? 0) !== used) fail(`the glue uses the export ${entry.name} other than as wasm.${entry.name}`);
    if (used === 0) continue;
    const short = shortName(exportNames.size);
    exportNames.set(entry.name, short);
    glue = glue.replace(asMember, `wasm.${short}`);
  }

  const newImports = Buffer.concat([
    leb(imports.length),
    ...imports.map((entry) => Buffer.concat([nameBytes(moduleNames.get(entry.module)), nameBytes(importNames.get(entry.module).get(entry.name)), entry.desc])),
  ]);
  const newExports = Buffer.concat([
    leb(exports.length),
    ...exports.map((entry) => Buffer.concat([nameBytes(exportNames.get(entry.name) ?? entry.name), entry.desc])),
  ]);
  const body = (section) => (section === importSection ? newImports : section === exportSection ? newExports : section.body);
  const shortened = Buffer.concat([
    wasm.subarray(0, 8),
    ...sections.flatMap((section) => [Buffer.from([section.id]), leb(body(section).length), body(section)]),
  ]);
  return { wasm: shortened, glue };
}

/**
 * The glue as a classic script of its own, carried in the payload: when the start-up adds it
 * to the page it hands its two start-up functions to the start-up on its own element
 * (`document.currentScript.glue`), and leaves no global behind.
 */
function glueScript(glue) {
  checkGlueStart(glue);
  // The module's exports are of no use here: without them, the minifier drops what the
  // start-up does not use (the init functions and what only they use).
  const exports = /^export\s*\{[^}]*\};?[ \t]*$/gm;
  if ((glue.match(exports)?.length ?? 0) !== 1) fail("expected one export statement in the wasm-bindgen glue");
  return `"use strict";\n${neutralisedGlue(glue.replace(exports, "")).trimEnd()}\ndocument.currentScript.glue = [${GLUE_IMPORTS}, ${GLUE_FINALIZE}];\n`;
}

/**
 * The inline module: start-up code that inflates the embedded CSS, glue and wasm, adds the CSS
 * and the glue and starts the wasm. The payload is PAYLOAD_MARK here; `withPayload` puts the
 * bytes in.
 */
function startupModule() {
  return `
// Start-up: the CSS, the JS glue and the WebAssembly module are embedded deflate-compressed,
// one byte a character of this windows-1252 document, turned back into bytes here and inflated
// with the browser's own DecompressionStream (no fetch: the Content-Security-Policy has
// connect-src 'none'). The unpacked bytes are the CSS's length (4 bytes, little-endian), the
// CSS, the glue's length, the glue (a script the policy allows by its hash), and the wasm.
{
  const packed = "${PAYLOAD_MARK}";
  try {
    if (typeof DecompressionStream !== "function") {
      throw new Error("this browser cannot unpack the app (it has no DecompressionStream); use a current Chrome, Edge or Firefox");
    }
    if (document.characterSet !== "${CHARSET}") {
      throw new Error("the file was read as " + document.characterSet + " text, not as ${CHARSET}, which garbles the app inside it; open the file as it was built, not a copy that was re-saved or served as another encoding");
    }
    // Bytes 0x80-0x9F decode to these characters; every other byte b to the character b.
    const high = [${WINDOWS_1252_80_9F.join(", ")}];
    const byteOf = new Uint8Array(${Math.max(...WINDOWS_1252_80_9F) + 1});
    for (let b = 0; b < high.length; b += 1) byteOf[high[b]] = 0x80 + b;
    const deflated = new Uint8Array(packed.length);
    for (let i = 0; i < packed.length; i += 1) {
      const c = packed.charCodeAt(i);
      deflated[i] = c < 0x100 ? c : byteOf[c];
    }
    const stream = new Blob([deflated]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    const unpacked = new Uint8Array(await new Response(stream).arrayBuffer());
    const lengths = new DataView(unpacked.buffer);
    const cssEnd = 4 + lengths.getUint32(0, true);
    const glueEnd = cssEnd + 4 + lengths.getUint32(cssEnd, true);
    const text = (from, to) => new TextDecoder().decode(unpacked.subarray(from, to));
    const style = document.createElement("style");
    style.textContent = text(4, cssEnd);
    document.head.append(style);
    const glue = document.createElement("script");
    glue.textContent = text(cssEnd + 4, glueEnd);
    document.head.append(glue);
    if (!glue.glue) throw new Error("the app's script did not run");
    const [imports, finalize] = glue.glue;
    const { instance, module } = await WebAssembly.instantiate(unpacked.subarray(glueEnd), imports());
    finalize(instance, module);
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
}

/** `code` minified by esbuild; ASCII only (esbuild escapes anything else). */
function minify(code, loader, format = loader === "js" ? "esm" : undefined) {
  try {
    return transformSync(code, { loader, format, minify: true, treeShaking: true, charset: "ascii", legalComments: "none" }).code.trim();
  } catch (error) {
    fail(`esbuild could not minify the ${loader}: ${error.message}`);
  }
}

/**
 * The body of a JS template literal (`...`) holding `packed`, as the bytes of the windows-1252
 * file: one byte a byte, except for what neither HTML nor JS lets stand in a template literal
 * inside a <script>. NUL (the HTML parser turns it into U+FFFD), CR (the HTML parser turns CR
 * and CR LF into LF), the backquote, the backslash and "$" before "{" become escapes; so does
 * "<" before "/", "!" or "s", so that no "</script" or "<!--" can appear. LF stays as it is: a
 * template literal may hold it, and a copy whose LFs became CR LF still reads the same.
 */
function payloadLiteral(packed) {
  const out = Buffer.alloc(packed.length * 4);
  let n = 0;
  const put = (escape) => {
    n += out.write(escape, n, "latin1");
  };
  for (let i = 0; i < packed.length; i += 1) {
    const byte = packed[i];
    const next = packed[i + 1];
    if (byte === 0x00) put(next >= 0x30 && next <= 0x39 ? "\\x00" : "\\0"); // \01 would be octal
    else if (byte === 0x0d) put("\\r");
    else if (byte === 0x60) put("\\`");
    else if (byte === 0x5c) put("\\\\");
    else if (byte === 0x24 && next === 0x7b) put("\\$");
    else if (byte === 0x3c && (next === 0x2f || next === 0x21 || next === 0x73 || next === 0x53)) put("\\x3C");
    else out[n++] = byte;
  }
  return out.subarray(0, n);
}

/** The text a browser reads from windows-1252 `bytes`. */
function windows1252Text(bytes) {
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    const chunk = bytes.subarray(i, i + 0x8000);
    text += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b < 0xa0 ? WINDOWS_1252_80_9F[b - 0x80] : b)));
  }
  return text;
}

/** HTML text with anything outside ASCII written as a character reference. */
function asciiMarkup(text) {
  return text.replace(/[^\x00-\x7f]/gu, (c) => `&#x${c.codePointAt(0).toString(16)};`);
}

function escapeAttribute(text) {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
}

/**
 * The single HTML document, with PAYLOAD_MARK still in the script; `hash` is the script's. The
 * CSS is in the payload: the page shows nothing before the app starts, and the script adds the
 * CSS first.
 */
function assemble(page, script, hash, glueHash) {
  const csp = CSP_TEMPLATE.replace("SCRIPT_HASH", hash).replace("GLUE_HASH", glueHash);
  const head = [
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">`,
    `<meta charset="${CHARSET}">`,
    ...page.metas.map(asciiMarkup),
    asciiMarkup(page.title),
    `<script type="module">${script}</script>`,
  ];
  return [
    "<!DOCTYPE html>",
    `<html lang="${escapeAttribute(page.lang)}">`,
    "<head>",
    ...head,
    "</head>",
    asciiMarkup(page.bodyTag),
    asciiMarkup(page.body),
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

/** The file's bytes: `html` (ASCII) with the payload literal in place of PAYLOAD_MARK. */
function withPayload(html, literal) {
  const at = html.indexOf(PAYLOAD_MARK);
  if (at < 0 || html.indexOf(PAYLOAD_MARK, at + 1) >= 0) fail("expected the payload mark exactly once in the page");
  if (/[^\x00-\x7f]/.test(html)) fail("the page has a character outside ASCII besides the payload");
  // Browsers look for the encoding in the first 1024 bytes only.
  const charset = `<meta charset="${CHARSET}">`;
  if (html.indexOf(charset) < 0 || html.indexOf(charset) + charset.length > 1024) {
    fail(`${charset} must end within the first 1024 bytes of the page`);
  }
  return Buffer.concat([
    Buffer.from(html.slice(0, at), "latin1"),
    literal,
    Buffer.from(html.slice(at + PAYLOAD_MARK.length), "latin1"),
  ]);
}

/**
 * Every way the finished document could still reach another file or the network; `glue` is
 * the script the page adds from its payload, checked as its own script is.
 */
function problems(html, distDir, glue) {
  const found = [];
  const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)];
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]);
  const markup = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>|<style\b[^>]*>[\s\S]*?<\/style>/gi, "");
  const code = [...scripts.map((m) => m[1]), glue].join("\n");

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

async function main() {
  const distDir = resolve(process.argv[2] ?? "dist");
  const output = join(distDir, OUTPUT_NAME);
  if (!existsSync(join(distDir, "index.html"))) fail(`${distDir}/index.html not found: run trunk build first`);
  rmSync(output, { force: true });

  const page = readTrunkPage(distDir);
  const trunkGlue = readFileSync(distPath(distDir, page.js), "utf8");
  const trunkWasm = readFileSync(distPath(distDir, page.wasm));
  const { wasm, glue } = shortenNames(trunkWasm, trunkGlue);
  const css = page.css.map((sheet) => sheet.text.trim()).join("\n\n");
  const minCss = minify(css, "css");

  const minified = minify(startupModule(), "js");
  const minGlue = minify(glueScript(glue), "js", "iife");
  if (/[^\x00-\x7f]/.test(minGlue)) fail("the minified glue has a character outside ASCII");
  const quotedMark = `"${PAYLOAD_MARK}"`;
  if (minified.split(quotedMark).length !== 2) fail(`the minified script does not hold ${quotedMark} exactly once`);
  const script = minified.replace(quotedMark, `\`${PAYLOAD_MARK}\``);
  // The HTML parser would end or garble an inline script at these; JS cannot be escaped safely.
  const unsafe = /<\/script|<script|<!--/i.exec(script);
  if (unsafe) fail(`the script contains "${unsafe[0]}", which cannot be inlined in HTML`);

  const cssBytes = Buffer.from(minCss, "utf8");
  const glueBytes = Buffer.from(minGlue, "utf8");
  const length = (bytes) => {
    const out = Buffer.alloc(4);
    out.writeUInt32LE(bytes.length);
    return out;
  };
  const unpacked = Buffer.concat([length(cssBytes), cssBytes, length(glueBytes), glueBytes, wasm]);
  // The glue as the browser decodes it (UTF-8, all ASCII), and so as CSP hashes it.
  const glueHash = createHash("sha256").update(minGlue, "utf8").digest("base64");
  const packed = Buffer.from(await zopfli.deflateAsync(unpacked, ZOPFLI));
  const literal = payloadLiteral(packed);
  // The script as the browser reads it, and so as CSP hashes it (in UTF-8).
  const [before, after] = script.split(PAYLOAD_MARK);
  const scriptText = before + windows1252Text(literal) + after;
  if (/<\/script|<!--/i.test(scriptText)) fail("the script with its payload would not stay one script");
  const hash = createHash("sha256").update(scriptText, "utf8").digest("base64");

  const html = assemble(page, script, hash, glueHash);
  // The CSS is checked as if it were inline: it becomes a <style> in the page.
  const found = problems(html.replace("</head>", () => `<style>${minCss}</style>\n</head>`), distDir, minGlue);
  if (found.length > 0) fail(`the single file would not be self-contained:\n  - ${found.join("\n  - ")}`);

  writeFileSync(output, withPayload(html, literal));

  const used = new Set(["index.html", OUTPUT_NAME, ...[page.js, page.wasm, ...page.css.map((s) => s.href)].map((h) => h.replace(/^\.?\/+/, ""))]);
  const unused = readdirSync(distDir).filter((name) => !used.has(name));
  const log = (label, value) => console.log(`  ${label.padEnd(26)} ${value}`);
  console.log(`single-file: wrote ${output}`);
  log("wasm", size(trunkWasm.length));
  log("  with short names", size(wasm.length));
  log("  gzip -9", size(gzipSync(wasm, { level: 9 }).length));
  log("JS glue", size(Buffer.byteLength(trunkGlue)));
  log("start-up script, minified", `${size(Buffer.byteLength(script) - quotedMark.length)} (without the payload)`);
  log("JS glue, minified", `${size(glueBytes.length)} (in the payload)`);
  log("CSS", size(Buffer.byteLength(css)));
  log("CSS, minified", size(cssBytes.length));
  log("payload (CSS, glue, wasm)", `${size(unpacked.length)}, deflated (zopfli) ${size(packed.length)}`);
  log("  in the page (escaped)", size(literal.length));
  log("matrix-explorer.html", size(statSync(output).size));
  for (const name of unused) console.log(`  note: dist/${name} is not part of the single file`);
  for (const url of urlsInWasm(trunkWasm)) console.log(`  note: the wasm contains the text ${url} (never fetched: connect-src 'none')`);
}

try {
  await main();
} catch (error) {
  // Reported here, not left uncaught: zopfli's emscripten runtime rethrows uncaught errors
  // with its own minified source.
  console.error(error instanceof BuildError ? `single-file: error: ${error.message}` : error);
  process.exitCode = 1;
}
