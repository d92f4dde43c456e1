export const BENCH_CREDENTIALS = { username: 'bench', password: 'bench-password' };
