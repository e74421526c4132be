import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { DatasetSummaryView } from '../../components/DatasetSummaryView';
import { I18nProvider } from '../../components/i18n';
import { StorageErrorView } from '../../components/StorageErrorView';
import type { DatasetSummary } from '../../lib/types/dataset-summary';
import { tinyDataset } from '../helpers/tiny-dataset';

const summary: DatasetSummary = {
  meta: { ...tinyDataset('1.0.0', 'abcdef0123456789').meta, name: '晋江市2023年民生微实事项目', nameEn: 'Jinjiang 2023 livelihood micro-projects' },
  installedAt: 0,
  items: 117,
  units: 82,
  completed: 117,
  source: { title: 't', publisher: '晋江经济报', date: '2024-02-06', url: 'http://jjjjb.fjdaily.com/pc/con/202402/06/content_342280.html' },
};

describe('DatasetSummaryView', () => {
  it('shows name, counts and source in Chinese by default', () => {
    render(<DatasetSummaryView summary={summary} />);
    expect(screen.getByRole('heading', { name: '数据集' })).toBeTruthy();
    expect(screen.getByTestId('dataset-name').textContent).toBe('晋江市2023年民生微实事项目');
    expect(screen.getByTestId('count-countItems').textContent).toBe('117 项民生微实事');
    expect(screen.getByTestId('count-countUnits').textContent).toBe('82 个牵头单位');
    expect(screen.getByTestId('dataset-source').textContent).toContain('晋江经济报 · 2024-02-06');
    expect(screen.getByRole('link', { name: '打开来源' }).getAttribute('href')).toBe(summary.source!.url);
  });

  it('speaks English when asked', () => {
    render(
      <I18nProvider locale="en">
        <DatasetSummaryView summary={summary} />
      </I18nProvider>,
    );
    expect(screen.getByTestId('dataset-name').textContent).toBe('Jinjiang 2023 livelihood micro-projects');
    expect(screen.getByTestId('count-countCompleted').textContent).toBe('117 completed');
  });
});

describe('StorageErrorView', () => {
  it('explains a full disk as an alert with a retry button', () => {
    let retried = 0;
    render(<StorageErrorView kind="quota" detail="QuotaExceededError" onRetry={() => retried++} />);
    expect(screen.getByRole('alert').textContent).toContain('存储空间已满');
    screen.getByRole('button', { name: '重试' }).click();
    expect(retried).toBe(1);
  });
});
