// Reads a PDF with pdf.js (the pdfjs-dist package's legacy build, which
// runs in Node) the way Firefox's viewer does, for the Go tests:
//
//   node pdfjs.mjs PDFJS_DIR in.pdf              prints the form fields, page
//                                                annotations and structure tree as JSON
//   node pdfjs.mjs PDFJS_DIR in.pdf out.pdf JSON fills fields as a user would
//                                                (JSON: {"field name": "text" or
//                                                "export value"}) and saves
//
// PDFJS_DIR is the pdfjs-dist package folder.
import { readFile, writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";

const [dir, input, output, values] = process.argv.slice(2);
const pdfjs = await import(pathToFileURL(`${dir}/legacy/build/pdf.mjs`).href);
const data = new Uint8Array(await readFile(input));
const doc = await pdfjs.getDocument({
  data,
  standardFontDataUrl: `${dir}/standard_fonts/`,
  verbosity: 0,
}).promise;

const fields = (await doc.getFieldObjects()) ?? {};
if (!output) {
  const pages = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const annots = (await page.getAnnotations()).map((a) => ({
      subtype: a.annotationType === 20 ? "Widget" : a.subtype,
      fieldName: a.fieldName,
      fieldType: a.fieldType,
      tooltip: a.alternativeText,
      radio: !!a.radioButton,
      buttonValue: a.buttonValue,
      url: a.url,
      hasAppearance: a.hasAppearance,
      noHTML: a.noHTML,
    }));
    pages.push({ annots, structTree: await page.getStructTree() });
  }
  const meta = await doc.getMetadata();
  const out = {
    fields: Object.fromEntries(
      Object.entries(fields).map(([name, objs]) => [
        name,
        objs.map((o) => ({ type: o.type, value: o.value, exportValues: o.exportValues, page: o.page })),
      ]),
    ),
    pages,
    info: meta.info,
    markInfo: await doc.getMarkInfo(),
  };
  process.stdout.write(JSON.stringify(out));
} else {
  const want = JSON.parse(values);
  const storage = doc.annotationStorage;
  for (const [name, value] of Object.entries(want)) {
    const objs = fields[name];
    if (!objs) throw new Error(`no field ${name}`);
    for (const o of objs) {
      if (o.type === "radiobutton") {
        storage.setValue(o.id, { value: o.exportValues === value });
      } else {
        storage.setValue(o.id, { value });
      }
    }
  }
  await writeFile(output, await doc.saveDocument());
}
await doc.destroy();
