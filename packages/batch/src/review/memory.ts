import { randomUUID } from 'node:crypto';
import type { ReviewItem, ReviewQueue } from './types';

export function memoryReviewQueue(now: () => Date = () => new Date()): ReviewQueue {
  const items: ReviewItem[] = [];
  return {
    async add(batch) {
      let added = 0;
      for (const item of batch) {
        if (items.some((i) => i.documentId === item.documentId && i.key === item.key)) continue;
        items.push({ ...item, id: randomUUID(), status: 'open', createdAt: now().toISOString() });
        added++;
      }
      return added;
    },
    async list(filter = {}) {
      return items
        .filter(
          (i) =>
            (!filter.status || i.status === filter.status) &&
            (!filter.documentIds || filter.documentIds.includes(i.documentId)),
        )
        .map((i) => ({ ...i }));
    },
    async get(id) {
      const item = items.find((i) => i.id === id);
      return item ? { ...item } : undefined;
    },
    async forget(documentIds) {
      const before = items.length;
      items.splice(0, items.length, ...items.filter((i) => !documentIds.includes(i.documentId)));
      return before - items.length;
    },
    async decide(id, decision) {
      const item = items.find((i) => i.id === id);
      if (item)
        Object.assign(item, { status: decision.status, decidedBy: decision.by, decidedAt: now().toISOString() });
    },
  };
}
