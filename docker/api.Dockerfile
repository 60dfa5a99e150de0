# syntax=docker/dockerfile:1.7
# Primetrade server image. One image runs every role:
#   docker run IMAGE                 -> --role=all (API + worker + the built web client, one origin)
#   docker run IMAGE --role=api      -> HTTP API only (scale horizontally behind an ingress)
#   docker run IMAGE --role=worker   -> background jobs; still serves /api/health/* for probes
# Build from the repository root:
#   docker build -f docker/api.Dockerfile -t primetrade/api:0.1.0 .
ARG NODE_VERSION=24

# ---- build: all dependencies, compile, then drop dev dependencies in place ----
FROM node:${NODE_VERSION}-bookworm-slim AS build
# better-sqlite3 compiles its native addon when no prebuilt binary matches the platform.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
ENV NX_DAEMON=false NX_NO_CLOUD=true NX_SKIP_NX_CACHE=true CI=true
# Lockfile first so the dependency layer is reused while only source changes.
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY . .
RUN npm run build
# Prune rather than reinstall: the native addon compiled above is kept, nothing builds twice.
RUN npm prune --omit=dev --no-audit --no-fund

# ---- runtime: no compiler, no dev dependencies, non-root, read-only friendly ----
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
# HOST: the app binds to loopback by default; in a container it must listen on all interfaces.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    METRICS_PORT=9464 \
    DATA_DIR=/app/data
WORKDIR /app
# Code stays owned by root: the app user (uid 1000, "node" in this base image) can read it but
# never rewrite it. Only DATA_DIR is writable (the embedded SQLite store when MONGODB_URI is unset).
COPY --from=build /src/package.json ./package.json
COPY --from=build /src/node_modules ./node_modules
COPY --from=build /src/dist/server ./dist/server
COPY --from=build /src/dist/apps/web/browser ./dist/apps/web/browser
RUN mkdir -p /app/data && chown 1000:1000 /app/data
# Numeric user so Kubernetes can verify runAsNonRoot without a passwd lookup.
USER 1000:1000
EXPOSE 3000 9464
# No curl in the slim image: Node's own fetch probes the dependency-free live endpoint.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["node", "dist/server/apps/api/src/main.js"]
CMD ["--role=all"]
