import { describe, expect, it } from 'vitest';
import { codeOf, makeMember, ok, TestClient, useTestApp } from '../../test-support/harness.js';
import { fullProfile, makeAdmin, makeTherapist, tinyPng } from '../../test-support/directory.js';
import type { ProfileList, TherapistProfile } from '../../../shared/api/directory.js';

const t = useTestApp();

const publish = async (client: TestClient, body: Record<string, unknown>) =>
  ok<TherapistProfile>(client.put('/api/directory/profile', { ...fullProfile, ...body }));

describe('a therapist’s profile', () => {
  it('is made unpublished from the display name the first time it is asked for', async () => {
    const robin = await makeTherapist(t, 'Zoë Vale');
    const other = await makeTherapist(t, 'Zoe Vale');
    const mine = await ok<TherapistProfile>(robin.client.get('/api/directory/profile'));
    expect(mine).toMatchObject({ name: 'Zoë Vale', slug: 'zoe-vale', published: false });
    expect(await ok<TherapistProfile>(robin.client.get('/api/directory/profile'))).toEqual(mine);
    const theirs = await ok<TherapistProfile>(other.client.get('/api/directory/profile'));
    expect(theirs.slug).toBe('zoe-vale-2');
    // Not shown until published.
    expect((await new TestClient(t.app).get('/directory/zoe-vale')).statusCode).toBe(404);
    expect((await new TestClient(t.app).get('/directory')).body).not.toContain('Zoë Vale');
  });

  it('saves every field, keeping languages as canonical BCP 47 tags', async () => {
    const robin = await makeTherapist(t);
    const saved = await publish(robin.client, { approaches: ['eft', 'eft', 'gottman'] });
    expect(saved).toMatchObject({
      ...fullProfile,
      approaches: ['eft', 'gottman'],
      languages: ['en', 'pt-BR'],
      photoUrl: null,
    });
    expect(await ok<TherapistProfile>(robin.client.get('/api/directory/profile'))).toEqual(saved);
  });

  it('refuses what it cannot keep with a 400 that says what to change', async () => {
    const robin = await makeTherapist(t);
    const refused = async (body: Record<string, unknown>) => {
      const res = await robin.client.put('/api/directory/profile', { ...fullProfile, ...body });
      expect(res.statusCode, res.body).toBe(400);
      return res.body;
    };
    expect(await refused({ languages: ['Klingonish'] })).toContain('We do not know the language');
    expect(await refused({ approaches: ['hypnosis'] })).toContain('EFT, Gottman or other');
    expect(await refused({ name: '   ' })).toContain('Please write the name');
    expect(await refused({ bio: 'x'.repeat(4001) })).toContain('introduction is longer');
    expect(await refused({ online: 'yes' })).toContain('Please answer yes or no');
    expect(await refused({ extra: 1 })).toBeTruthy();
  });

  it('takes a JPEG, PNG or WebP photo known by its bytes, and serves it with a long cache', async () => {
    const robin = await makeTherapist(t);
    await publish(robin.client, {});
    const withPhoto = await ok<TherapistProfile>(
      robin.client.put('/api/directory/profile/photo', {
        image: `data:image/png;base64,${tinyPng}`,
      }),
    );
    expect(withPhoto.photoUrl).toMatch(/^\/directory\/robin-vale\/photo\?v=\d+$/);
    const photo = await new TestClient(t.app).get(withPhoto.photoUrl ?? '');
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(photo.headers['cache-control']).toContain('max-age=31536000');
    expect(photo.rawPayload.equals(Buffer.from(tinyPng, 'base64'))).toBe(true);
    const page = await new TestClient(t.app).get('/directory/robin-vale');
    expect(page.body).toContain(`alt="Photo of Robin Vale"`);

    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1').toString('base64');
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64');
    for (const image of [gif, svg, 'not base64 at all!']) {
      const res = await robin.client.put('/api/directory/profile/photo', { image });
      expect(res.statusCode, res.body).toBe(400);
    }
    const big = Buffer.alloc(300 * 1024 + 1);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    const tooBig = await robin.client.put('/api/directory/profile/photo', {
      image: big.toString('base64'),
    });
    expect(tooBig.statusCode, tooBig.body).toBe(400);
    expect(tooBig.body).toContain('larger than 300 KB');
    // A JPEG just under the limit is taken.
    const fits = Buffer.alloc(300 * 1024);
    fits.set([0xff, 0xd8, 0xff, 0xe0]);
    const jpeg = await ok<TherapistProfile>(
      robin.client.put('/api/directory/profile/photo', { image: fits.toString('base64') }),
    );
    const served = await new TestClient(t.app).get(jpeg.photoUrl ?? '');
    expect(served.headers['content-type']).toBe('image/jpeg');

    const removed = await ok<TherapistProfile>(robin.client.delete('/api/directory/profile/photo'));
    expect(removed.photoUrl).toBeNull();
    expect((await new TestClient(t.app).get('/directory/robin-vale/photo')).statusCode).toBe(404);
  });

  it('lets the administrator see every therapist and correct or publish a profile', async () => {
    const robin = await makeTherapist(t);
    const admin = await makeAdmin(t.app);
    const list = await ok<ProfileList>(admin.get('/api/directory/profiles'));
    expect(list.profiles.map((p) => [p.userId, p.published])).toEqual([[robin.id, false]]);
    const changed = await ok<TherapistProfile>(
      admin.put(`/api/directory/profiles/${robin.id}`, {
        ...fullProfile,
        title: 'Psychotherapist',
      }),
    );
    expect(changed).toMatchObject({ title: 'Psychotherapist', published: true });
    expect((await new TestClient(t.app).get('/directory/robin-vale')).body).toContain(
      'Psychotherapist',
    );
    const withPhoto = await ok<TherapistProfile>(
      admin.put(`/api/directory/profiles/${robin.id}/photo`, { image: tinyPng }),
    );
    expect((await new TestClient(t.app).get(withPhoto.photoUrl ?? '')).statusCode).toBe(200);
    const member = await makeMember(t.app, 'Alex');
    expect(await codeOf(admin.put(`/api/directory/profiles/${member.id}`, fullProfile))).toBe(
      '404 profile.not_found',
    );
    expect(
      await codeOf(admin.put(`/api/directory/profiles/${member.id}/photo`, { image: tinyPng })),
    ).toBe('404 profile.not_found');
  });
});

describe('the public directory', () => {
  async function practice() {
    const robin = await makeTherapist(t, 'Robin Vale');
    await publish(robin.client, {});
    const sam = await makeTherapist(t, 'Sam Okafor');
    await publish(sam.client, {
      name: 'Sam Okafor',
      approaches: ['gottman'],
      formats: ['group', 'individual'],
      languages: ['fr'],
      betrayalExperience: false,
      online: false,
      inPerson: true,
      accepting: false,
    });
    const hidden = await makeTherapist(t, 'Kim Hidden');
    await publish(hidden.client, { name: 'Kim Hidden', published: false });
    return { robin, sam };
  }
  const names = (body: string) =>
    ['Robin Vale', 'Sam Okafor', 'Kim Hidden'].filter((n) => body.includes(`>${n}</a>`));
  const page = async (query = '') => {
    const res = await new TestClient(t.app).get(`/directory${query}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    return res.body;
  };

  it('lists only published profiles, and filters by the query string', async () => {
    await practice();
    expect(names(await page())).toEqual(['Robin Vale', 'Sam Okafor']);
    expect(names(await page('?format=group'))).toEqual(['Sam Okafor']);
    expect(names(await page('?format=couples'))).toEqual(['Robin Vale']);
    expect(names(await page('?approach=gottman'))).toEqual(['Sam Okafor']);
    expect(names(await page('?betrayal=yes'))).toEqual(['Robin Vale']);
    expect(names(await page('?online=yes'))).toEqual(['Robin Vale']);
    expect(names(await page('?inPerson=yes'))).toEqual(['Sam Okafor']);
    expect(names(await page('?accepting=yes'))).toEqual(['Robin Vale']);
    expect(names(await page('?language=pt'))).toEqual(['Robin Vale']);
    expect(names(await page('?language=fr&format=individual'))).toEqual(['Sam Okafor']);
    // Unknown values are ignored, never an error.
    expect(names(await page('?format=nonsense&language=%3Cx%3E'))).toEqual([
      'Robin Vale',
      'Sam Okafor',
    ]);
    // The unpublished profile has no page either.
    expect((await new TestClient(t.app).get('/directory/kim-hidden')).statusCode).toBe(404);
  });

  it('says kindly when no one matches, with a way to clear the choices', async () => {
    await practice();
    const body = await page('?format=group&online=yes');
    expect(names(body)).toEqual([]);
    expect(body).toContain('No one matches all of these choices');
    expect(body).toContain('href="/directory"');
  });

  it('keeps the form’s choices, each input labelled inside a fieldset with a legend', async () => {
    await practice();
    const body = await page('?format=group&accepting=yes&language=fr');
    expect(body).toMatch(/<input\s+type="radio"\s+name="format"\s+value="group"\s+checked/);
    expect(body).toMatch(/<input\s+type="checkbox"\s+name="accepting"\s+value="yes"\s+checked/);
    expect(body).toMatch(/<option\s+value="fr"\s+selected/);
    expect(body).toContain('<label for="directory-language">');
    expect(body.match(/<fieldset>/g)?.length).toBe(3);
    expect(body.match(/<legend>/g)?.length).toBe(3);
    // Every radio and checkbox sits in its label.
    const inputs = body.match(/<input\s/g)?.length ?? 0;
    expect(inputs).toBeGreaterThan(10);
    expect(body.match(/<label class="choice"\s*><input\s/g)?.length).toBe(inputs);
    expect(body).not.toMatch(/<script(?! src="\/quick-exit\.js")/);
  });

  it('shows a profile with its details and the way to ask for a first conversation', async () => {
    await practice();
    const body = (await new TestClient(t.app).get('/directory/robin-vale')).body;
    expect(body).toContain('<h1>Robin Vale</h1>');
    expect(body).toContain('Emotionally focused therapy (EFT)');
    expect(body).toContain('Brazilian Portuguese');
    expect(body).toContain('href="/intake?therapist=robin-vale"');
    expect(body).toContain('<p>Sessions are calm and paced by you.</p>');
    expect(body).toContain('Taking new clients');
    expect((await new TestClient(t.app).get('/directory/no-one')).statusCode).toBe(404);
  });
});
