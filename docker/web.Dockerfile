# syntax=docker/dockerfile:1.7
# Primetrade web client: the Angular SPA served by an unprivileged nginx on port 8080.
# /api is proxied to API_UPSTREAM (compose); in Kubernetes the ingress routes /api itself.
# Build from the repository root:
#   docker build -f docker/web.Dockerfile -t primetrade/web:0.1.0 .
ARG NODE_VERSION=24

FROM node:${NODE_VERSION}-bookworm-slim AS build
# npm ci runs install scripts of server packages too (better-sqlite3), which may need a compiler.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
ENV NX_DAEMON=false NX_NO_CLOUD=true NX_SKIP_NX_CACHE=true CI=true
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY . .
RUN npx nx run web:build --configuration=production

# nginx-unprivileged runs as uid 101 and listens on 8080: no root, no NET_BIND_SERVICE.
FROM nginxinc/nginx-unprivileged:1.28-alpine AS runtime
ENV API_UPSTREAM=http://api:3000
# The image's entrypoint renders templates/*.template into conf.d/ with envsubst, substituting
# only variables that are set, so nginx's own $uri etc. survive.
COPY docker/nginx/web.conf.template /etc/nginx/templates/default.conf.template
COPY --from=build /src/dist/apps/web/browser /usr/share/nginx/html
USER 101:101
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=5s --retries=3 \
  CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/healthz"]
