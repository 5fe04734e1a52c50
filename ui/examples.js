"use strict";
/**
 * The ready-made example operations: docs/examples/NN-name.graphql, with an optional
 * NN-name.variables.json beside it. The header comments of a .graphql file describe it:
 *
 *   # title: Semi-annual report (báo cáo 6 tháng)
 *   # description: One paragraph shown in GraphiQL's Examples pane.
 *   # subgraphs: registry, fund          (the subgraphs it reads; a check skips files whose
 *                                         subgraphs are not all in the supergraph yet)
 *   # role: FUND_OFFICER                 (optional: the role of the token it needs; none for
 *                                         public data)
 *
 * Read by the GraphiQL build (embedded into the bundle), by the test that validates every
 * example against the API schema, and by the documentation.
 */
const fs = require("node:fs");
const path = require("node:path");

const EXAMPLES_DIR = path.resolve(__dirname, "..", "docs", "examples");
const HEADER = /^#\s*(title|description|subgraphs|role):\s*(.*)$/;

function readExamples(dir = EXAMPLES_DIR) {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith(".graphql"))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(dir, file), "utf8");
      const meta = { title: "", description: "", subgraphs: [], role: "" };
      const body = [];
      for (const line of text.split("\n")) {
        const header = body.length === 0 ? HEADER.exec(line) : null;
        if (header) {
          if (header[1] === "subgraphs") meta.subgraphs = header[2].split(",").map((s) => s.trim()).filter(Boolean);
          else meta[header[1]] = header[2].trim();
        } else body.push(line);
      }
      const id = file.replace(/\.graphql$/, "");
      const variablesFile = path.join(dir, `${id}.variables.json`);
      let variables = "";
      if (fs.existsSync(variablesFile)) {
        const raw = fs.readFileSync(variablesFile, "utf8");
        try {
          variables = JSON.stringify(JSON.parse(raw), null, 2);
        } catch (error) {
          throw new Error(`${variablesFile}: not valid JSON (${error.message})`);
        }
      }
      if (!meta.title) throw new Error(`${path.join(dir, file)}: the first lines must include "# title: ..."`);
      return { id, file: path.join(dir, file), title: meta.title, description: meta.description, subgraphs: meta.subgraphs, role: meta.role, query: body.join("\n").trim() + "\n", variables };
    });
}

module.exports = { EXAMPLES_DIR, readExamples };
