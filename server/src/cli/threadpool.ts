// Imported first by the `flywheel` command, before anything can use libuv's thread pool, which reads
// this variable once, on first use. chDB runs every statement on that pool (4 threads by default), and
// file system calls (the /healthz write check, the dashboard's files) and zlib (gzip bodies) share it:
// with the engine's connections busy on long reads, four threads left those waiting behind the reads.
// Threads of the pool that have nothing to do only sleep.
process.env.UV_THREADPOOL_SIZE ??= '16';

export {};
