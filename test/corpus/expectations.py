"""Compare rendered figure facts (FigureFacts of workers/python/api.ts, as a dict) with a corpus
entry's expectation (CorpusExpectation of src/core/corpus/types.ts). Returns readable mismatches."""

ABSOLUTE_TOLERANCE = 1e-6
RELATIVE_TOLERANCE = 1e-4  # facts round-trip through float32 in places (wedge angles)


def _close(actual, expected):
    if actual is None:
        return False
    return abs(actual - expected) <= ABSOLUTE_TOLERANCE + RELATIVE_TOLERANCE * abs(expected)


def _values_match(actual, expected):
    if expected is None:
        return True
    if actual is None or len(actual) != len(expected):
        return False
    return all(_close(a, e) for a, e in zip(actual, expected))


def _series_matches(fact, expected):
    if fact['kind'] != expected['kind']:
        return False
    if 'label' in expected and fact['label'] != expected['label']:
        return False
    if 'count' in expected and fact['count'] != expected['count']:
        return False
    if 'orientation' in expected and fact['orientation'] != expected['orientation']:
        return False
    return _values_match(fact['y'], expected.get('y')) and _values_match(fact['z'], expected.get('z'))


def _describe(expected):
    parts = [expected['kind']]
    for key in ('label', 'count', 'orientation'):
        if key in expected:
            parts.append('%s=%r' % (key, expected[key]))
    for key in ('y', 'z'):
        if key in expected:
            values = expected[key]
            parts.append('%s=[%s%s]' % (key, ', '.join('%.4g' % v for v in values[:5]),
                                        ', ...' if len(values) > 5 else ''))
    return ' '.join(parts)


def _nearest(candidates, expected):
    same_kind = [c for c in candidates if c['kind'] == expected['kind']]
    if not same_kind:
        return 'no %s series there' % expected['kind']
    shown = ['%s label=%r count=%d y=%s' % (c['kind'], c['label'], c['count'],
                                           [round(v, 4) if v is not None else None for v in (c['y'] or [])[:5]])
             for c in same_kind[:3]]
    return 'there: ' + '; '.join(shown)


def compare(facts, expect):
    """Mismatches between facts and an expectation; an empty list means the figure matches."""
    problems = []
    axes = facts['axes']
    if len(axes) != expect['axes']:
        problems.append('axes: expected %d, drawn %d' % (expect['axes'], len(axes)))
    titles = [a['title'] for a in axes] + [t['text'] for t in facts['texts'] if t['role'] == 'suptitle']
    if expect['title'] not in titles:
        problems.append('title %r not among %r' % (expect['title'], titles))
    legend = expect.get('legend')
    if legend is not None and list(legend) not in [a['legend'] for a in axes if a['legend'] is not None]:
        problems.append('legend %r not among %r' % (legend, [a['legend'] for a in axes if a['legend']]))
    drawn_texts = [t['text'] for t in facts['texts']]
    for text in expect.get('texts', []):
        if not any(text in drawn for drawn in drawn_texts):
            problems.append('text %r not drawn' % text)
    used = set()
    for expected in expect['series']:
        index = expected['axes']
        if index >= len(axes):
            problems.append('series %s: axes %d does not exist' % (_describe(expected), index))
            continue
        candidates = axes[index]['series']
        match = next((i for i, fact in enumerate(candidates)
                      if (index, i) not in used and _series_matches(fact, expected)), None)
        if match is None:
            problems.append('series %s on axes %d: no match (%s)' % (
                _describe(expected), index, _nearest(candidates, expected)))
        else:
            used.add((index, match))
    return problems
