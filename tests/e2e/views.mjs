//! End-to-end tests of the explorer's other ways of looking: near-duplicates grouped and compared, the network, a table's text column chosen after loading.

import assert from 'node:assert/strict';

/** Registers the tests with `test`; `meetings` is run.mjs's small corpus, `dropMeetings` drops it. */
export function viewTests(test, { meetings, dropMeetings }) {
  // A wire story, republished twice with small edits, and another story on the same talks.
  const wireStory = 'Talks resume in Almaty\n\nArmenian Foreign Minister Ararat Mirzoyan and his Azerbaijani counterpart Jeyhun Bayramov '
    + 'held two days of talks in Almaty on May 10, 2024, hosted by Kazakh Foreign Minister Murat Nurtleu. The ministers discussed '
    + 'the text of a peace treaty and the delimitation of the border, according to statements released after the meeting. Both '
    + 'sides said progress had been made but that differences remained on several articles of the draft.\n';
  const editions = [
    ['wire.txt', wireStory],
    ['paper.txt', wireStory.replace('two days of talks', 'two rounds of talks').replace('several articles', 'a few articles')],
    ['site.txt', wireStory.replace('Talks resume in Almaty', 'Almaty talks end') + 'Talks will resume next month, officials said.\n'],
    ['analysis.txt', 'Border deal still distant\n\nAnalysts in Yerevan said Ararat Mirzoyan faces opposition at home over any border '
      + 'concessions, and that a treaty signed this year looked unlikely after the May 10, 2024 meeting ended without a date for the next round.\n'],
  ].map(([name, text]) => ({ name, type: 'text/plain', bytes: Buffer.from(text) }));

  test('near-duplicates: listed once with "N similar", counted once on request, and compared word by word', async (app) => {
    await app.drop(editions);
    await app.waitForFileMessages(editions.length);
    await app.waitForShown(4);
    assert.match((await app.texts('summary'))[0], /^4 of 4 documents · 2 listed/);
    assert.deepEqual(await app.texts('similar-badge'), ['2 similar']);
    const count = async (name) => Object.fromEntries(await app.facetValues('PER'))[name];
    assert.equal(await count('Jeyhun Bayramov'), 3);
    assert.equal(await count('Ararat Mirzoyan'), 4);
    // Counting near-duplicates once: the three editions are one story.
    await app.page.click('[data-testid=count-once]');
    await app.page.waitForFunction(() => location.hash.includes('once=1'));
    await app.page.waitForFunction(() => [...document.querySelectorAll('[data-testid=facet-PER] [data-testid=facet-value]')]
      .some((e) => e.textContent.includes('Jeyhun Bayramov') && e.querySelector('.count').textContent === '1'));
    assert.equal(await count('Ararat Mirzoyan'), 2);
    // The badge opens the listed edition; its versions can be compared.
    await app.page.click('[data-testid=similar-badge]');
    await app.page.waitForSelector('[data-testid=similar]');
    await app.page.click('[data-testid=similar] summary');
    assert.equal((await app.texts('similar-version')).length, 2);
    // Open the wire's edition (the listed one depends on which file was indexed first) and compare the paper's.
    if (!(await app.page.$eval('[data-testid=reader] .meta', (e) => e.textContent)).startsWith('wire.txt')) {
      await app.page.locator('[data-testid=similar-version]', { hasText: 'wire.txt' }).locator('[data-testid=open-version]').click();
      await app.page.waitForFunction(() => document.querySelector('[data-testid=reader] .meta').textContent.startsWith('wire.txt'));
      // The versions' list may have stayed open across the switch: opened, not toggled.
      if (!(await app.page.$eval('[data-testid=similar]', (d) => d.open))) await app.page.click('[data-testid=similar] summary');
    }
    await app.page.locator('[data-testid=similar-version]', { hasText: 'paper.txt' }).locator('[data-testid=compare]').click();
    await app.page.waitForSelector('[data-testid=diff]');
    assert.deepEqual([await app.texts('removed'), await app.texts('added')], [['days', 'several'], ['rounds', 'a few']]);
    // The diff is text: the other version's words are there, nothing else was made of them.
    assert.ok((await app.page.$eval('[data-testid=diff]', (e) => e.textContent)).includes('Jeyhun Bayramov'));
    await app.screenshot('near-duplicates-compared');
    await app.page.click('[data-testid=end-compare]');
    await app.page.waitForSelector('[data-testid=reader] .text:not(.diff)');
    assert.deepEqual(app.consoleErrors, []);
  });

  test('the network: names sized by documents, a node filters and the nodes that stay keep their place, an edge lists the shared documents', async (app) => {
    await dropMeetings(app);
    await app.page.click('[data-testid=show-network]');
    await app.page.waitForSelector('[data-testid=network-node]');
    await app.page.waitForFunction(() => location.hash.includes('view=network'));
    const nodes = async () => Object.fromEntries(await app.page.$$eval('[data-testid=network-node]',
      (es) => es.map((e) => [e.dataset.name, [e.dataset.x, e.dataset.y]])));
    const before = await nodes();
    assert.ok('Anna Petrova' in before && 'David Miller' in before, JSON.stringify(before));
    assert.equal(await app.page.$$eval('[data-testid=network-edge]', (es) => es.length) > 0, true);
    // Labels do not overlap.
    const boxes = await app.page.$$eval('[data-testid=network-node] text', (ts) => ts.map((t) => { const b = t.getBBox(); return [b.x, b.y, b.x + b.width, b.y + b.height]; }));
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      assert.ok(!(a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]), `labels ${i} and ${j} overlap`);
    }
    await app.screenshot('network');
    // Exports: the drawing as SVG, the network as GraphML and as an edge list.
    const { name: svgName, text: svg } = await app.download('network-export-svg');
    assert.equal(svgName, 'dossier-network.svg');
    assert.ok(svg.startsWith('<svg') && svg.includes('Anna Petrova') && svg.includes('<line'), svg.slice(0, 200));
    const { text: graphml } = await app.download('network-export-graphml');
    assert.ok(graphml.includes('<graphml') && graphml.includes('<edge '), graphml.slice(0, 200));
    const { text: edges } = await app.download('network-export-csv');
    assert.match(edges, /^source,source_type,source_id,target,target_type,target_id,shared_documents\r\n/);
    // An edge lists the documents the two share; one opens in the reader.
    const edge = app.page.locator('[data-testid=network-edge]', { has: app.page.locator('title', { hasText: /Anna Petrova and David Miller|David Miller and Anna Petrova/ }) });
    await edge.click();
    await app.page.waitForSelector('[data-testid=network-shared]');
    assert.deepEqual(await app.texts('shared-document'), ['Talks in Almaty']);
    await app.page.click('[data-testid=shared-document]');
    await app.page.waitForSelector('[data-testid=reader]');
    await app.screenshot('network-edge');
    // A node filters like a facet value; the nodes that stay do not move.
    await app.page.locator('[data-testid=network-node][data-name="Anna Petrova"]').locator('circle').click();
    await app.page.waitForFunction(() => location.hash.includes('in=e.'));
    await app.page.waitForFunction(() => document.querySelectorAll('[data-testid=network-node]').length > 0
      && ![...document.querySelectorAll('[data-testid=network-node]')].some((e) => e.dataset.name === 'Abbey'));
    const after = await nodes();
    assert.ok(Object.keys(after).length > 0);
    for (const [name, at] of Object.entries(after)) {
      if (name in before) assert.deepEqual(at, before[name], `${name} moved`);
    }
    assert.deepEqual(await app.chips(), ['Anna Petrova ×']);
    // Keyboard: a focused node filters on Enter.
    await app.page.locator('[data-testid=network-node][data-name="David Miller"]').focus();
    await app.page.keyboard.press('Enter');
    await app.page.waitForFunction(() => document.querySelectorAll('[data-testid=active-filter]').length === 2);
    // Back to the list: the filters hold.
    await app.page.click('[data-testid=show-list]');
    await app.waitForShown(1);
    assert.deepEqual(app.consoleErrors, []);
  });

  test('a CSV file\'s text column, guessed at loading, can be chosen after: the file is read again, the others stay', async (app) => {
    const feed = { name: 'feed.csv', type: 'text/csv', bytes: Buffer.from('id,story,notes\n'
      + '1,Ararat Mirzoyan met Jeyhun Bayramov in Almaty.,an internal note of the desk that is far longer than the story it goes with\n'
      + '2,Vedant Patel spoke in Washington.,another internal note of the desk that is longer than the story beside it\n') };
    await app.drop([feed, meetings[0]]);
    await app.waitForFileMessages(2);
    await app.waitForShown(3);
    const messages = async () => (await app.texts('file-message')).join(' | ');
    assert.match(await messages(), /feed\.csv: 2 documents.*"notes" \(the longest\)/);
    assert.equal((await app.facetValues('PER')).some(([n]) => n === 'Ararat Mirzoyan'), false);
    await app.page.click('[data-testid=choose-column]');
    await app.page.waitForSelector('[data-testid=text-column]');
    assert.deepEqual(await app.page.$$eval('[data-testid=text-column] option', (os) => os.map((o) => [o.textContent, o.selected])),
      [['id', false], ['story', false], ['notes', true]]);
    await app.page.selectOption('[data-testid=text-column]', { label: 'story' });
    await app.page.waitForFunction(() => [...document.querySelectorAll('[data-testid=facet-PER] [data-testid=facet-value]')]
      .some((e) => e.textContent.includes('Ararat Mirzoyan')));
    await app.waitForShown(3);
    const people = (await app.facetValues('PER')).map(([n]) => n);
    for (const name of ['Ararat Mirzoyan', 'Vedant Patel', 'Anna Petrova']) assert.ok(people.includes(name), people.join(', '));
    assert.doesNotMatch(await messages(), /the longest/);
    assert.equal((await app.texts('file-message')).length, 2);
    assert.deepEqual(app.consoleErrors, []);
  });
}
