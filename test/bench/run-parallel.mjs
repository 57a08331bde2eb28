// Shared by the OCR benchmarks: run `fn` over `items` with at most `concurrency` calls in flight, keeping order.
export async function runParallel(items, concurrency, fn) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i], i);
      }
    }),
  );
  return results;
}
