/*
 * words.js: the words the theme's scripts print, in the site's language.
 *
 * The page carries every message of the strings file's [script] table
 * (themes/default/i18n/en.toml, or the project's i18n/<language>.toml) as
 * JSON in <body data-strings>, keys without the "script." prefix. This
 * file reads them once and gives the other scripts one function:
 *
 *   workbookWords.t('assess.saved')                       → "Saved on this device"
 *   workbookWords.t('assess.exported', {n: 3, file: f})   → "Exported 3 answers to …"
 *
 * {name} in a message is filled from the values; a number is written with
 * the language's digit groups. A message given as plural forms ({one, other}
 * and zero, two, few or many where the language has them) takes the form
 * for the value n, by the browser's Intl.PluralRules for the page's
 * language where it has them, else one for 1 and other for the rest. A key
 * the page lacks prints as [key], so a missing word shows rather than
 * vanishing.
 *
 * ES5, no dependencies, loaded as a file before the scripts that use it.
 */
(function () {
  'use strict';

  var strings = {};
  try {
    var parsed = JSON.parse(document.body.getAttribute('data-strings') || '{}');
    if (parsed !== null && typeof parsed === 'object') { strings = parsed; }
  } catch (e) {
    strings = {}; // every message then prints as its key
  }
  var lang = document.documentElement.getAttribute('lang') || 'en';

  function own(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }

  var rules = null;
  try {
    if (window.Intl && window.Intl.PluralRules) { rules = new window.Intl.PluralRules(lang); }
  } catch (e) {
    rules = null; // a language tag this browser does not know: one and other
  }
  var digits = null;
  try {
    if (window.Intl && window.Intl.NumberFormat) { digits = new window.Intl.NumberFormat(lang, {maximumFractionDigits: 1}); }
  } catch (e) {
    digits = null;
  }

  function category(n) {
    if (rules) { return rules.select(n); }
    return n === 1 ? 'one' : 'other';
  }

  // number writes a number the language's way: 12,345 in English.
  function number(n) { return digits ? digits.format(n) : String(n); }

  function fill(text, values) {
    if (!values) { return text; }
    return text.replace(/\{([a-z_]+)\}/g, function (whole, name) {
      if (!own(values, name)) { return whole; }
      var v = values[name];
      return typeof v === 'number' ? number(v) : String(v);
    });
  }

  function t(key, values) {
    if (!own(strings, key)) { return '[' + key + ']'; }
    var m = strings[key];
    if (m !== null && typeof m === 'object') {
      var n = values && typeof values.n === 'number' ? values.n : null;
      var form = n === null ? 'other' : category(n);
      m = own(m, form) ? m[form] : m.other;
    }
    return fill(typeof m === 'string' ? m : '[' + key + ']', values);
  }

  // list joins texts the language's way: "a, b and c".
  function list(items) {
    if (items.length < 2) { return items.join(''); }
    return t('list.last', {first: items.slice(0, -1).join(t('list.comma')), last: items[items.length - 1]});
  }

  window.workbookWords = {t: t, list: list, number: number, lang: lang};
})();
