import { Field, ID, InputType, registerEnumType } from 'type-graphql';

export enum WidgetLanguageGql {
  DE = 'de',
  EN = 'en',
}
registerEnumType(WidgetLanguageGql, { name: 'WidgetLanguage', description: 'A language the widget speaks.' });

@InputType({ description: "A widget's texts in one language; omitted texts stay as they are, an empty text means the built-in default." })
export class WidgetTextsInput {
  @Field(() => WidgetLanguageGql, { description: 'The language of these texts.' })
  language!: WidgetLanguageGql;

  @Field(() => String, { nullable: true, description: 'Heading of the form and label of the launcher button, up to 80 characters.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Short text above the form, up to 500 characters.' })
  intro?: string | null;

  @Field(() => String, { nullable: true, description: 'Text shown after a request was sent, up to 500 characters.' })
  thanks?: string | null;
}

@InputType({ description: 'A new contact widget.' })
export class WidgetCreateInput {
  @Field(() => String, { description: 'Name for the admins, 1 to 100 characters (visitors never see it).' })
  name!: string;

  @Field(() => ID, { description: "The public shared department the widget's requests become tickets in." })
  departmentId!: string;

  @Field(() => Boolean, { nullable: true, description: 'Whether it takes requests; default true.' })
  enabled?: boolean | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Origins (https://www.example.com, no path) whose pages may embed the widget and send from it; at most 20. Default none: only the hosted form page.',
  })
  allowedOrigins?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Launcher and button colour, #rrggbb (or #rgb); default #1f6feb.' })
  primaryColor?: string | null;

  @Field(() => String, { nullable: true, description: 'Text colour on the primary colour, #rrggbb (or #rgb); default #ffffff.' })
  primaryTextColor?: string | null;

  @Field(() => [WidgetTextsInput], { nullable: true, description: 'Texts per language.' })
  texts?: WidgetTextsInput[] | null;
}

@InputType({ description: 'Changes to a widget; omitted fields stay as they are.' })
export class WidgetUpdateInput {
  @Field(() => ID, { description: 'The widget to change.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'New name, 1 to 100 characters.' })
  name?: string | null;

  @Field(() => ID, { nullable: true, description: 'Another public shared department.' })
  departmentId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Take requests or not.' })
  enabled?: boolean | null;

  @Field(() => [String], { nullable: true, description: 'The complete new list of allowed origins (replaces the old one).' })
  allowedOrigins?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Launcher and button colour, #rrggbb.' })
  primaryColor?: string | null;

  @Field(() => String, { nullable: true, description: 'Text colour on the primary colour, #rrggbb.' })
  primaryTextColor?: string | null;

  @Field(() => [WidgetTextsInput], { nullable: true, description: 'Text changes per language.' })
  texts?: WidgetTextsInput[] | null;
}
