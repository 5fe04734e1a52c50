# One image for every service of the production shape: the gateway, the five subgraphs and the
# migration command. The command picks what runs (the Kubernetes manifests under deploy/ set it):
#
#   node gateway/dist/src/main.js                 (the default)
#   node services/registry/dist/src/main.js
#   node services/fund/dist/src/main.js
#   node services/trade/dist/src/main.js
#   node services/outreach/dist/src/main.js
#   node services/reporting/dist/src/main.js
#   node dist/scripts/migrate.js [--service NAME] (the release step, before new pods start)
#
# Build: docker build -t camau-api .   Run: docker run -e JWT_SECRET=... camau-api node services/fund/dist/src/main.js

ARG NODE_IMAGE=node:20.20-bookworm-slim

# ---- base: Node with the npm the lockfile and its install-script approvals are kept with ----
FROM ${NODE_IMAGE} AS base
ARG NPM_VERSION=11.19.1
RUN npm install -g npm@${NPM_VERSION} --no-audit --no-fund && npm cache clean --force

# ---- build: every workspace with its dev dependencies, compiled with `npm run build` ----
FROM base AS build
WORKDIR /app
# The manifests first, so the dependency layer is reused while only source files change.
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY demo-data/package.json demo-data/
COPY services/registry/package.json services/registry/
COPY services/fund/package.json services/fund/
COPY services/trade/package.json services/trade/
COPY services/outreach/package.json services/outreach/
COPY services/reporting/package.json services/reporting/
COPY gateway/package.json gateway/
COPY ui/package.json ui/
COPY examples/package.json examples/
COPY bench/package.json bench/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# ---- runtime: production dependencies of the served workspaces and their built output only ----
FROM base AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    NPM_CONFIG_UPDATE_NOTIFIER=false
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/shared/package.json shared/
COPY --from=build /app/demo-data/package.json demo-data/
COPY --from=build /app/services/registry/package.json services/registry/
COPY --from=build /app/services/fund/package.json services/fund/
COPY --from=build /app/services/trade/package.json services/trade/
COPY --from=build /app/services/outreach/package.json services/outreach/
COPY --from=build /app/services/reporting/package.json services/reporting/
COPY --from=build /app/gateway/package.json gateway/
COPY --from=build /app/ui/package.json ui/
COPY --from=build /app/examples/package.json examples/
COPY --from=build /app/bench/package.json bench/
# Dev dependencies pruned; the benchmark and example-client workspaces are not installed at all.
# No install scripts: nothing served needs one (the embedded PostgreSQL's is for development).
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
      -w shared -w services/registry -w services/fund -w services/trade -w services/outreach -w services/reporting -w gateway -w ui \
    && npm cache clean --force
COPY --from=build /app/shared/dist shared/dist
COPY --from=build /app/demo-data/dist demo-data/dist
COPY --from=build /app/services/registry/dist services/registry/dist
COPY --from=build /app/services/fund/dist services/fund/dist
COPY --from=build /app/services/trade/dist services/trade/dist
COPY --from=build /app/services/outreach/dist services/outreach/dist
COPY --from=build /app/services/reporting/dist services/reporting/dist
COPY --from=build /app/gateway/dist gateway/dist
COPY --from=build /app/gateway/supergraph.graphql gateway/supergraph.graphql
COPY --from=build /app/ui/index.js /app/ui/examples.js ui/
COPY --from=build /app/ui/dist ui/dist
COPY --from=build /app/dist/scripts dist/scripts
# Build bookkeeping is not needed at run time.
RUN find . -path ./node_modules -prune -o -name '*.tsbuildinfo' -exec rm -f {} +

# The image's own unprivileged user (uid 1000 "node"), numeric so Kubernetes' runAsNonRoot can
# verify it; the application files stay owned by root and read-only to it.
USER 1000:1000
EXPOSE 4000 4001 4002 4003 4004 4005
CMD ["node", "gateway/dist/src/main.js"]
