import { describe, expect, it } from 'vitest';
import { filterCannedReplies, groupByCategory } from './cannedReplyGroups';

const reply = (id: string, category: string, title: string, body = '') => ({ id, category, title, body });

describe('groupByCategory', () => {
  it('puts replies without a category first, then categories and titles in alphabetical order', () => {
    const groups = groupByCategory(
      [reply('1', 'Rechnung', 'Zahlung erhalten'), reply('2', '', 'Danke'), reply('3', 'Drucker', 'Toner'), reply('4', 'Rechnung', 'Mahnung')],
      'de',
    );
    expect(groups.map((g) => [g.category, g.replies.map((r) => r.id)])).toEqual([
      ['', ['2']],
      ['Drucker', ['3']],
      ['Rechnung', ['4', '1']],
    ]);
  });

  it('sorts umlauts and numbers as people read them', () => {
    const groups = groupByCategory(
      [reply('1', 'Übergabe', 'b'), reply('2', 'Zugang', 'a'), reply('3', 'Abholung', 'Schritt 10'), reply('4', 'Abholung', 'Schritt 9')],
      'de',
    );
    expect(groups.map((g) => g.category)).toEqual(['Abholung', 'Übergabe', 'Zugang']);
    expect(groups[0]?.replies.map((r) => r.title)).toEqual(['Schritt 9', 'Schritt 10']);
  });

  it('returns no groups for no replies', () => {
    expect(groupByCategory([], 'en')).toEqual([]);
  });
});

describe('filterCannedReplies', () => {
  const replies = [reply('1', 'Rechnung', 'Zahlung erhalten', 'Vielen Dank für Ihre Zahlung.'), reply('2', 'Drucker', 'Toner', 'Der Toner ist bestellt.')];

  it('keeps replies containing every word in title, category or text', () => {
    expect(filterCannedReplies(replies, 'dank zahlung').map((r) => r.id)).toEqual(['1']);
    expect(filterCannedReplies(replies, 'DRUCKER').map((r) => r.id)).toEqual(['2']);
    expect(filterCannedReplies(replies, 'fax')).toEqual([]);
  });

  it('keeps all for an empty search', () => {
    expect(filterCannedReplies(replies, '  ')).toHaveLength(2);
  });
});
