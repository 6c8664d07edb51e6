# Flywheel: collector, API and dashboard in one Node process. Set CLICKHOUSE_URL to use a server.
FROM node:20-bookworm-slim
WORKDIR /app
RUN npm install -g pnpm@10
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json ./
COPY semconv/package.json semconv/
COPY instrumentation/package.json instrumentation/
COPY collector/package.json collector/
COPY storage/package.json storage/
COPY api/package.json api/
COPY server/package.json server/
COPY dashboard/package.json dashboard/
COPY simulator/package.json simulator/
COPY test/package.json test/
RUN pnpm install --frozen-lockfile
COPY . .
# The dashboard is built into the image, so `pnpm start` finds it current and starts at once.
RUN pnpm --filter @flywheel/dashboard build
ENV FLYWHEEL_DATA=/var/lib/flywheel
EXPOSE 8080 4318
CMD ["pnpm", "start"]
