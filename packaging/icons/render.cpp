// SPDX-License-Identifier: Apache-2.0
// Renders the scalable application icon into the hicolor PNG sizes (Qt's SVG image plugin).
// Build and run: cmake --build build/dev --target rolecall_render_icons && build/dev/packaging/rolecall_render_icons
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QImageReader>

#include <cstdio>

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    const QString source = QStringLiteral(ROLECALL_ICON_SOURCE);
    const QString target = QStringLiteral(ROLECALL_ICON_TARGET);
    for (int size : {16, 22, 24, 32, 48, 64, 128, 256, 512}) {
        QImageReader reader(source);
        reader.setScaledSize(QSize(size, size));
        const QImage image = reader.read();
        if (image.isNull()) {
            std::fprintf(stderr, "cannot render %s: %s\n", qPrintable(source), qPrintable(reader.errorString()));
            return 1;
        }
        const QString dir = QStringLiteral("%1/%2").arg(target).arg(size);
        QDir().mkpath(dir);
        if (!image.save(dir + QStringLiteral("/io.github.rolecall.Rolecall.png")))
            return 1;
    }
    return 0;
}
