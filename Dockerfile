# syntax=docker/dockerfile:1
#
# mlops-mcp gateway image: build with pnpm in one stage, run a pruned production copy of
# @mlops-mcp/server in a slim one as a non-root user.
#
#   docker build -t mlops-mcp .
#   docker run -i --rm -e MLFLOW_TRACKING_URI=http://host.docker.internal:5000 mlops-mcp      # stdio
#   docker run --rm -p 3333:3333 -e MLOPS_MCP_HTTP_TOKEN=… -e MLFLOW_TRACKING_URI=… \
#     mlops-mcp --http --host 0.0.0.0                                                          # HTTP
#
# docs/DOCKER.md has the details (Host allow-list, secrets, health check).

# Node 24 is the pinned LTS (scripts/node-env.sh; engines allow ^22.19 || >=24); bookworm-slim is glibc, which the
# prebuilt resvg binary the charts package uses (@resvg/resvg-js-linux-*-gnu) needs.
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
# The pnpm version package.json pins ("packageManager"); npm installs it exactly (corepack
# would try to verify a signature against the registry, which mirrors may not serve).
RUN npm install -g pnpm@10.34.0
WORKDIR /src
# Dependencies first, keyed only on the lockfile: this layer survives source edits.
COPY pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
RUN pnpm fetch
COPY . .
RUN pnpm install --offline --frozen-lockfile
# Build the server and the workspace packages it depends on, in dependency order.
RUN pnpm --filter "@mlops-mcp/server..." run build
# A self-contained copy of the server: its dist, production dependencies only, and the
# workspace packages it uses as their published files (dist/, charts' fonts/). --legacy: the
# workspace does not set inject-workspace-packages, which pnpm 10's default deploy requires.
RUN pnpm --filter @mlops-mcp/server deploy --prod --legacy /out \
 && chmod 0755 /out/dist/cli/main.js

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
# Owned by root and read-only for the user that runs it.
COPY --from=build /out /app
RUN ln -s /app/dist/cli/main.js /usr/local/bin/mlops-mcp
# The node image's unprivileged user (uid 1000); ~/.netrc and ~/.prefect are read from /home/node.
USER node
# Only used with --http (the default transport is stdio); bind 0.0.0.0 to publish it.
EXPOSE 3333
ENTRYPOINT ["mlops-mcp"]
CMD []
