import { describe, expect, it } from 'vitest';
import { matchesQuery, matchesWords, queryWords, searchKey } from '../../src/domain/search';

const finds = (name: string, query: string): boolean => matchesQuery(searchKey(name), query);

describe('search across scripts', () => {
  it('folds Turkish dotted and dotless i both ways', () => {
    expect(finds('Gençlik ve Spor Kulübü Işık', 'isik')).toBe(true);
    expect(finds('Türk-İslam Kültür Derneği', 'islam kultur')).toBe(true);
    expect(finds('ISIK', 'ışık')).toBe(true);
  });

  it('finds Polish, Croatian and Vietnamese names typed without their marks', () => {
    expect(finds('Klub Seniora Złota Jesień', 'zlota jesien')).toBe(true);
    expect(finds('Hrvatska katolička misija', 'katolicka')).toBe(true);
    expect(finds('Đakovo', 'dakovo')).toBe(true);
    expect(finds('Hội Người Việt', 'hoi nguoi viet')).toBe(true);
  });

  it('ignores zero-width joiners and bidi marks inside Persian and Arabic names', () => {
    expect(finds('انجمن فرهنگی افغان‌ها', 'افغانها')).toBe(true);
    expect(finds('\u2067الجمعية الثقافية\u2069', 'الثقافية')).toBe(true);
    expect(finds('الجمعيَّة', 'الجمعية')).toBe(true);
  });

  it('matches Cyrillic with and without ё, and Greek with accents and final sigma', () => {
    expect(finds('Ансамбль «Берёзка»', 'березка')).toBe(true);
    expect(finds('Σύλλογος Γονέων', 'συλλογοσ')).toBe(true);
    expect(finds('Ελληνική Κοινότητα', 'ΕΛΛΗΝΙΚΗ')).toBe(true);
  });

  it('needs every word of the query, in any order', () => {
    expect(finds('Türkischer Sportverein Kastel', 'kastel sport')).toBe(true);
    expect(finds('Türkischer Sportverein Kastel', 'kastel kultur')).toBe(false);
  });

  it('treats an empty or blank query as matching everything', () => {
    expect(queryWords('   ')).toEqual([]);
    expect(matchesWords('anything', [])).toBe(true);
    expect(finds('Verein', '')).toBe(true);
  });

  it('answers the same after the remembered query changes', () => {
    const key = searchKey('Marokkanischer Kulturverein');
    expect(matchesQuery(key, 'kultur')).toBe(true);
    expect(matchesQuery(key, 'sport')).toBe(false);
    expect(matchesQuery(key, 'kultur')).toBe(true);
  });
});
