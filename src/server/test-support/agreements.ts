import type { AgreementList, AgreementView } from '../../shared/api/agreements.js';
import type { CommitmentList, CommitmentTrends } from '../../shared/api/commitments.js';
import { ok, PASSWORD, type Member } from './harness.js';

// Requests of the agreements and commitments tests, each checking its status.

export const list = (m: Member) => ok<AgreementList>(m.client.get('/api/agreements'));
export const propose = (m: Member, text: string, category = 'transparency') =>
  ok<AgreementView>(m.client.post('/api/agreements', { text, category }), 201);
export const answer = (m: Member, id: string, body: Record<string, unknown>) =>
  ok<AgreementView>(m.client.post(`/api/agreements/${id}/answers`, body));
export const signInAgain = (m: Member) =>
  ok(m.client.post('/api/auth/signin', { email: m.email, password: PASSWORD }));
export const commitments = (m: Member) => ok<CommitmentList>(m.client.get('/api/commitments'));
export const trends = (m: Member) => ok<CommitmentTrends>(m.client.get('/api/commitments/trends'));
