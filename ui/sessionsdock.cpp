// SPDX-License-Identifier: Apache-2.0
#include "sessionsdock.h"

#include "models/profiletreemodel.h"
#include "models/sessionsmodel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using Rolecall::Core::Models::ProfileTreeModel;
using Rolecall::Core::Models::SessionsModel;

namespace Rolecall::Ui {

namespace {
/// The countdown in a colour that shifts as expiry nears.
class CountdownDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        switch (static_cast<ProfileTreeModel::Urgency>(index.data(SessionsModel::UrgencyRole).toInt())) {
        case ProfileTreeModel::Urgency::Soon:
            option->palette.setColor(QPalette::Text, QColor(0xb3, 0x6b, 0x00));
            break;
        case ProfileTreeModel::Urgency::Critical:
        case ProfileTreeModel::Urgency::Expired:
            option->palette.setColor(QPalette::Text, QColor(0xb0, 0x00, 0x20));
            break;
        default:
            break;
        }
    }
};
} // namespace

SessionsDock::SessionsDock(SessionsModel *model, QWidget *parent)
    : QDockWidget(tr("Sessions"), parent)
    , m_model(model)
{
    setObjectName(u"sessionsDock"_s);
    setAccessibleName(tr("Active sessions"));
    toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    m_view = new QTreeView(content);
    m_view->setObjectName(u"sessionsTreeView"_s);
    m_view->setAccessibleName(tr("Active sessions with time left"));
    m_view->setModel(model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setItemDelegateForColumn(SessionsModel::TimeLeftColumn, new CountdownDelegate(m_view));
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(SessionsModel::ProfileColumn, QHeaderView::Stretch);
    for (int column = SessionsModel::TimeLeftColumn; column < SessionsModel::ColumnCount; ++column)
        m_view->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    layout->addWidget(m_view, 1);

    auto *buttons = new QHBoxLayout;
    m_refreshButton = new QPushButton(tr("&Refresh"), content);
    m_refreshButton->setObjectName(u"refreshSessionButton"_s);
    m_refreshButton->setAccessibleName(tr("Refresh the selected session"));
    m_forgetButton = new QPushButton(tr("For&get"), content);
    m_forgetButton->setObjectName(u"forgetSessionButton"_s);
    m_forgetButton->setAccessibleName(tr("Forget the selected session"));
    m_autoRefreshButton = new QPushButton(tr("&Auto-refresh"), content);
    m_autoRefreshButton->setObjectName(u"autoRefreshButton"_s);
    m_autoRefreshButton->setAccessibleName(tr("Refresh the selected session before it expires"));
    m_autoRefreshButton->setCheckable(true);
    buttons->addWidget(m_refreshButton);
    buttons->addWidget(m_forgetButton);
    buttons->addWidget(m_autoRefreshButton);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    setWidget(content);

    // The row's context menu. F5 and Delete are handled in eventFilter(): the window's actions own those shortcuts.
    const auto rowAction = [this](const QString &text, auto emitter) {
        auto *action = new QAction(text, m_view);
        connect(action, &QAction::triggered, this, [this, emitter] {
            if (const QString profile = currentProfile(); !profile.isEmpty())
                emitter(profile);
        });
        m_view->addAction(action);
    };
    rowAction(tr("Refresh (F5)"), [this](const QString &p) { Q_EMIT refreshRequested(p); });
    rowAction(tr("Forget (Delete)"), [this](const QString &p) { Q_EMIT forgetRequested(p); });
    m_view->installEventFilter(this);
    connect(m_refreshButton, &QPushButton::clicked, this, [this] { Q_EMIT refreshRequested(currentProfile()); });
    connect(m_forgetButton, &QPushButton::clicked, this, [this] { Q_EMIT forgetRequested(currentProfile()); });
    connect(m_autoRefreshButton, &QPushButton::clicked, this,
        [this](bool on) { Q_EMIT autoRefreshRequested(currentProfile(), on); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &SessionsDock::updateButtons);
    connect(model, &QAbstractItemModel::rowsInserted, this, &SessionsDock::updateButtons);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &SessionsDock::updateButtons);
    connect(model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &, const QModelIndex &bottomRight) {
        if (bottomRight.column() >= SessionsModel::AutoRefreshColumn)
            updateButtons();
    });
    updateButtons();
}

SessionsDock::~SessionsDock() = default;

bool SessionsDock::eventFilter(QObject *watched, QEvent *event)
{
    // In the list, F5 and Delete act on the session of the row, not on the profile selected in the tree: take the
    // keys before the window's shortcuts see them.
    if (watched != m_view || (event->type() != QEvent::ShortcutOverride && event->type() != QEvent::KeyPress))
        return QDockWidget::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    const bool refresh = key->matches(QKeySequence::Refresh);
    const bool forget = key->matches(QKeySequence::Delete);
    const QString profile = currentProfile();
    if ((!refresh && !forget) || profile.isEmpty())
        return QDockWidget::eventFilter(watched, event);
    event->accept();
    if (event->type() == QEvent::KeyPress) {
        if (refresh)
            Q_EMIT refreshRequested(profile);
        else
            Q_EMIT forgetRequested(profile);
    }
    return true;
}

QString SessionsDock::currentProfile() const
{
    return m_model->profileAt(m_view->currentIndex().row());
}

void SessionsDock::updateButtons()
{
    if (!m_view->currentIndex().isValid() && m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(0, 0));
    const QString profile = currentProfile();
    const bool any = !profile.isEmpty();
    m_refreshButton->setEnabled(any);
    m_forgetButton->setEnabled(any);
    m_autoRefreshButton->setEnabled(any);
    const int row = m_model->rowOfProfile(profile);
    m_autoRefreshButton->setChecked(row >= 0 && m_model->index(row, 0).data(SessionsModel::AutoRefreshRole).toBool());
}

} // namespace Rolecall::Ui
