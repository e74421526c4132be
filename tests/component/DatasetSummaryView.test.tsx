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
  programmes: [
    { id: 'weiminbanshishi-2021', programme: 'weiminbanshishi', year: 2021, name: '晋江市2021年为民办实事项目', nameEn: 'x', announced: 22, known: 14, complete: false },
    { id: 'weiminbanshishi-2023', programme: 'weiminbanshishi', year: 2023, name: '晋江市2023年为民办实事项目', nameEn: 'x', announced: 24, known: 2, complete: false },
    { id: 'minsheng-weishishi-2023', programme: 'minsheng-weishishi', year: 2023, name: '晋江市2023年民生微实事项目', nameEn: 'x', announced: 117, known: 117, complete: true },
    { id: 'weiminbanshishi-2025', programme: 'weiminbanshishi', year: 2025, name: '晋江市2025年为民办实事项目', nameEn: 'x', announced: null, known: 1, complete: false },
  ],
  source: { title: 't', publisher: '晋江经济报', date: '2024-02-06', url: 'http://jjjjb.fjdaily.com/pc/con/202402/06/content_342280.html' },
  sourceCount: 8,
};

describe('DatasetSummaryView', () => {
  it('shows name, counts and source in Chinese by default', () => {
    render(<DatasetSummaryView summary={summary} />);
    expect(screen.getByRole('heading', { name: '数据集' })).toBeTruthy();
    expect(screen.getByTestId('dataset-name').textContent).toBe('晋江市2023年民生微实事项目');
    expect(screen.getByTestId('count-countItems').textContent).toBe('117 个项目');
    expect(screen.getByTestId('programme-weiminbanshishi-2021').textContent).toBe('数据集收录了2021年为民办实事清单 22 项中的 14 项');
    expect(screen.getByTestId('programme-minsheng-weishishi-2023').textContent).toBe('2023年民生微实事：117 项全部收录');
    expect(screen.getByTestId('programme-weiminbanshishi-2025').textContent).toContain('清单总项数未见公布');
    expect(screen.getByTestId('count-countUnits').textContent).toBe('82 个牵头单位');
    expect(screen.getByTestId('dataset-source').textContent).toContain('晋江经济报 · 2024-02-06');
    expect(screen.getByTestId('dataset-source').textContent).toContain('（另有 7 个来源）');
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
    expect(screen.getByTestId('programme-weiminbanshishi-2021').textContent).toBe('The dataset knows 14 of 2021’s 22 items (Projects for the People)');
    expect(screen.getByTestId('programme-weiminbanshishi-2023').textContent).toBe('The dataset knows 2 of 2023’s 24 items (Projects for the People)');
    expect(screen.getByTestId('programme-minsheng-weishishi-2023').textContent).toBe('Livelihood micro-projects 2023: all 117 items');
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
