import type { EntityManager } from '@mikro-orm/postgresql';
import { fieldError, forbidden, notFound } from '../../graphql/errors.js';
import { isUuid } from '../../shared/ids.js';
import type { Viewer } from '../auth/viewer.js';
import { Department, type IDepartment } from '../departments/department.entity.js';
import { Widget, type IWidget } from './widget.entity.js';
import { DEFAULT_COLORS, EMPTY_TEXTS, mergeTexts, validateColor, validateOrigins, validateWidgetName, type WidgetTextsInput } from './widget.rules.js';

export interface WidgetCreate {
  name: string;
  departmentId: string;
  enabled?: boolean | null | undefined;
  allowedOrigins?: readonly string[] | null | undefined;
  primaryColor?: string | null | undefined;
  primaryTextColor?: string | null | undefined;
  texts?: readonly WidgetTextsInput[] | null | undefined;
}
export type WidgetPatch = { id: string; name?: string | null | undefined; departmentId?: string | null | undefined } & Omit<
  WidgetCreate,
  'name' | 'departmentId'
>;

/** A widget with whether its department is still public (else the widget answers "not available"). */
export interface WidgetView {
  widget: IWidget;
  departmentPublic: boolean;
}

/**
 * Widget configuration, for admins of the tenant only (no agents, customers or API tokens): every
 * query names the viewer's tenant. The department must be a shared, public department of the same
 * tenant when it is chosen; if it stops being public later, the widget stays but refuses requests.
 */
export class WidgetService {
  constructor(private readonly em: EntityManager) {}

  async list(viewer: Viewer): Promise<WidgetView[]> {
    const tenantId = this.adminTenant(viewer);
    const widgets = await this.em.find(Widget, { tenantId }, { orderBy: { name: 'asc', createdAt: 'asc' } });
    return this.withDepartments(tenantId, widgets);
  }

  async create(viewer: Viewer, input: WidgetCreate): Promise<WidgetView> {
    const tenantId = this.adminTenant(viewer);
    const name = validateWidgetName(input.name);
    const department = await this.publicDepartment(tenantId, input.departmentId);
    const widget = this.em.create(Widget, {
      tenantId,
      name,
      departmentId: department.id,
      enabled: input.enabled ?? true,
      allowedOrigins: validateOrigins(input.allowedOrigins ?? []),
      primaryColor: validateColor(input.primaryColor ?? DEFAULT_COLORS.primaryColor, 'primaryColor'),
      primaryTextColor: validateColor(input.primaryTextColor ?? DEFAULT_COLORS.primaryTextColor, 'primaryTextColor'),
      texts: mergeTexts(EMPTY_TEXTS, input.texts ?? []),
    });
    await this.em.flush();
    return { widget, departmentPublic: true };
  }

  async update(viewer: Viewer, patch: WidgetPatch): Promise<WidgetView> {
    const tenantId = this.adminTenant(viewer);
    const widget = await this.find(tenantId, patch.id);
    if (patch.name !== undefined && patch.name !== null) widget.name = validateWidgetName(patch.name);
    if (patch.departmentId !== undefined && patch.departmentId !== null && patch.departmentId !== widget.departmentId)
      widget.departmentId = (await this.publicDepartment(tenantId, patch.departmentId)).id;
    if (patch.enabled !== undefined && patch.enabled !== null) widget.enabled = patch.enabled;
    if (patch.allowedOrigins !== undefined && patch.allowedOrigins !== null) widget.allowedOrigins = validateOrigins(patch.allowedOrigins);
    if (patch.primaryColor !== undefined && patch.primaryColor !== null) widget.primaryColor = validateColor(patch.primaryColor, 'primaryColor');
    if (patch.primaryTextColor !== undefined && patch.primaryTextColor !== null)
      widget.primaryTextColor = validateColor(patch.primaryTextColor, 'primaryTextColor');
    if (patch.texts !== undefined && patch.texts !== null) widget.texts = mergeTexts(widget.texts, patch.texts);
    await this.em.flush();
    const [view] = await this.withDepartments(tenantId, [widget]);
    return view!;
  }

  async delete(viewer: Viewer, id: string): Promise<string> {
    const tenantId = this.adminTenant(viewer);
    const widget = await this.find(tenantId, id);
    this.em.remove(widget);
    await this.em.flush();
    return id;
  }

  /** Only admins manage widgets; the resolver's @Authorized says so too, this holds for every other caller. */
  private adminTenant(viewer: Viewer): string {
    if (viewer.type !== 'user' || viewer.kind !== 'admin') throw forbidden();
    return viewer.tenantId;
  }

  private async find(tenantId: string, id: string): Promise<IWidget> {
    const widget = isUuid(id) ? await this.em.findOne(Widget, { tenantId, id }) : null;
    if (!widget) throw notFound('Widget');
    return widget;
  }

  private async publicDepartment(tenantId: string, id: string): Promise<IDepartment> {
    const department = isUuid(id) ? await this.em.findOne(Department, { tenantId, id, ownerId: null }) : null;
    if (!department) throw fieldError('departmentId', 'Unknown department.');
    if (!department.isPublic) throw fieldError('departmentId', 'The department must be public: the widget offers it to anyone on the web.');
    return department;
  }

  private async withDepartments(tenantId: string, widgets: IWidget[]): Promise<WidgetView[]> {
    const ids = [...new Set(widgets.map((widget) => widget.departmentId))];
    const departments = ids.length === 0 ? [] : await this.em.find(Department, { tenantId, id: { $in: ids } }, { fields: ['id', 'isPublic', 'ownerId'] });
    const isPublic = new Map(departments.map((d) => [d.id, d.isPublic && d.ownerId === null]));
    return widgets.map((widget) => ({ widget, departmentPublic: isPublic.get(widget.departmentId) ?? false }));
  }
}
