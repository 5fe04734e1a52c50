"use strict";
const path = require("node:path");
const { EXAMPLES_DIR, readExamples } = require("./examples");

/** Folder of the built GraphiQL page (index.html and assets/), written by `npm run build`. */
const GRAPHIQL_DIST_DIR = path.join(__dirname, "dist");

module.exports = { GRAPHIQL_DIST_DIR, EXAMPLES_DIR, readExamples };
