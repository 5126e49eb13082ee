/** Reading what the bot sent: adaptive cards in activities, and the text a person would see. */

export const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

export function cardsIn(activities: any[]): any[] {
  return activities.flatMap((a) => (a.attachments ?? []).filter((x: any) => x.contentType === ADAPTIVE).map((x: any) => x.content));
}

/** Every text, title and fact value in a card, depth first. */
export function texts(card: any): string[] {
  const out: string[] = [];
  const walk = (node: any): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const key of ['text', 'title', 'value', 'label']) if (typeof node[key] === 'string') out.push(node[key]);
      Object.values(node).forEach(walk);
    }
  };
  walk(card);
  return out;
}

export function allText(card: any): string {
  return texts(card).join('\n');
}

/** The verbs of the card's Action.Execute buttons. */
export function verbs(card: any): string[] {
  const out: string[] = [];
  const walk = (node: any): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      if (node.type === 'Action.Execute') out.push(node.verb);
      Object.values(node).forEach(walk);
    }
  };
  walk(card);
  return out;
}

/** The input with this id, anywhere in the card. */
export function input(card: any, id: string): any {
  let found: any;
  const walk = (node: any): void => {
    if (found) return;
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      if (node.id === id && String(node.type).startsWith('Input.')) found = node;
      else Object.values(node).forEach(walk);
    }
  };
  walk(card);
  return found;
}
