import { Field, ID, ObjectType } from 'type-graphql';
import { AccessRule } from '../../graphql/access.js';
import { WIDGET_LANGUAGES } from './widget.entity.js';
import { WidgetLanguageGql } from './widget.inputs.js';
import { widgetKey } from './widget.rules.js';
import type { WidgetView } from './widget.service.js';

@AccessRule("Admins of the widget's tenant only (WidgetService).")
@ObjectType('WidgetTexts', { description: "A widget's texts in one language; empty means the built-in default." })
export class WidgetTextsGql {
  @Field(() => WidgetLanguageGql, { description: 'The language.' })
  language!: WidgetLanguageGql;

  @Field(() => String, { description: 'Heading of the form and label of the launcher.' })
  title!: string;

  @Field(() => String, { description: 'Short text above the form.' })
  intro!: string;

  @Field(() => String, { description: 'Text shown after a request was sent.' })
  thanks!: string;
}

@AccessRule("Admins of the widget's tenant only (WidgetService).")
@ObjectType('Widget', { description: 'An embeddable contact widget and its hosted form page (/contact/<key>).' })
export class WidgetGql {
  @Field(() => ID, { description: 'Stable id.' })
  id!: string;

  @Field(() => String, { description: 'The public key that goes into the embed snippet (data-widget) and the hosted form address.' })
  key!: string;

  @Field(() => String, { description: 'Name for the admins.' })
  name!: string;

  @Field(() => ID, { description: "The department the widget's requests become tickets in." })
  departmentId!: string;

  @Field(() => Boolean, { description: 'Whether it takes requests (switched on by an admin).' })
  enabled!: boolean;

  @Field(() => Boolean, { description: 'Whether visitors can send now: enabled, and its department is still public.' })
  available!: boolean;

  @Field(() => [String], { description: 'Origins whose pages may embed the widget and send from it.' })
  allowedOrigins!: string[];

  @Field(() => String, { description: 'Launcher and button colour, #rrggbb.' })
  primaryColor!: string;

  @Field(() => String, { description: 'Text colour on the primary colour, #rrggbb.' })
  primaryTextColor!: string;

  @Field(() => [WidgetTextsGql], { description: 'Texts per language (German and English).' })
  texts!: WidgetTextsGql[];

  @Field(() => Date, { description: 'When it was created.' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When it last changed.' })
  updatedAt!: Date;
}

export function toWidgetGql({ widget, departmentPublic }: WidgetView): WidgetGql {
  return {
    id: widget.id,
    key: widgetKey(widget.tenantId, widget.id),
    name: widget.name,
    departmentId: widget.departmentId,
    enabled: widget.enabled,
    available: widget.enabled && departmentPublic,
    allowedOrigins: widget.allowedOrigins,
    primaryColor: widget.primaryColor,
    primaryTextColor: widget.primaryTextColor,
    texts: WIDGET_LANGUAGES.map((language) => ({ language: language as WidgetLanguageGql, ...widget.texts[language] })),
    createdAt: widget.createdAt,
    updatedAt: widget.updatedAt,
  };
}
