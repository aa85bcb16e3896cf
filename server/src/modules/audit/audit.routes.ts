import { auditQuery, auditView, paginated, type AuditView } from '@kezhuan/shared';
import type { ApiRouter } from '../../lib/api-router';
import { listAudit } from './audit.service';
import { targetNames } from './audit.targets';

export function auditRoutes(api: ApiRouter): void {
  api.add({
    method: 'get', path: '/admin/audit', tag: 'administration', access: ['admin'],
    summary: 'The audit log of sensitive actions (administrators)',
    query: auditQuery, response: paginated(auditView),
    handler: async ({ query }) => {
      const { items, total } = await listAudit(query);
      const names = await targetNames(items.map((e) => e.target));
      const views: AuditView[] = items.map((e) => ({
        id: String(e._id),
        action: e.action,
        actor: e.actor ? { id: String(e.actor._id), displayName: e.actor.displayName } : null,
        target: { kind: e.target?.kind ?? '', id: e.target?.id ?? '', name: names.get(`${e.target?.kind ?? ''}:${e.target?.id ?? ''}`) ?? null },
        detail: (e.detail ?? {}) as Record<string, unknown>,
        ip: e.ip,
        at: e.at.toISOString(),
      }));
      return { items: views, total, page: query.page, pageSize: query.pageSize };
    },
  });
}
