/** An option of a checkbox list: an id to send, a name to show. */
export interface Choice {
  value: string;
  label: string;
}
