# syntax=docker/dockerfile:1
# The team server's image: `serve` on PostgreSQL, the UI served to browsers,
# no Electron. It needs DATABASE_URL (or --database); docker-compose.yml runs
# two replicas of it behind Caddy.
#   docker build -t bot-webhook-inspector .

FROM node:22-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
# better-sqlite3 compiles from source here (this image has python3, make and g++); Electron >= 43
# downloads nothing at install.
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:22-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/out ./out
# /data: this replica's own data dir. /keys: where a shared key file lives; a fresh named volume
# mounted there takes this owner, so the first replica can create the key in it.
RUN mkdir -p /data /keys && chown node:node /data /keys && chmod 0700 /data /keys
USER node
VOLUME ["/data"]
EXPOSE 8787 8080
# The receiver's own health answer (GET /healthz); node's fetch, since the slim image has no curl.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:8787/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "out/main/cli.js"]
CMD ["serve", "--data-dir", "/data", "--receiver-host", "0.0.0.0", "--receiver-port", "8787", "--ui-host", "0.0.0.0", "--ui-port", "8080"]
