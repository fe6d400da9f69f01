# Maître server image. The steps are the ones .ci/run runs on every change (npm ci, the build,
# the suite); the image itself has not been built where this project is developed (no Docker
# there), so build it once before relying on it: `docker build -t maitre .`
ARG NODE_VERSION=22

# 1. Build: every dependency (esbuild, TypeScript), then the server and browser bundles.
FROM node:${NODE_VERSION}-bookworm AS build
WORKDIR /app
ENV ELECTRON_SKIP_BINARY_DOWNLOAD=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# 2. Production dependencies only (better-sqlite3 compiles here if no prebuilt binary fits).
FROM node:${NODE_VERSION}-bookworm AS deps
WORKDIR /app
ENV ELECTRON_SKIP_BINARY_DOWNLOAD=1
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --omit=optional --no-audit --no-fund

# 3. Runtime: the bundles and production node_modules, as an unprivileged user.
FROM node:${NODE_VERSION}-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production PORT=3978 HOST=0.0.0.0 DATA_DIR=/data
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--disable-warning=DEP0111", "dist/server.js"]
