<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name></name>
    <message numerus="yes">
        <source>Align %n department(s)</source>
        <translation>
            <numerusform>Align %n department</numerusform>
            <numerusform>Align %n departments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Distribute %n department(s)</source>
        <translation>
            <numerusform>Distribute %n department</numerusform>
            <numerusform>Distribute %n departments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %n department(s)</source>
        <translation>
            <numerusform>Paste %n department</numerusform>
            <numerusform>Paste %n departments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n department(s)</source>
        <translation>
            <numerusform>Move %n department</numerusform>
            <numerusform>Move %n departments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nudge %n department(s)</source>
        <translation>
            <numerusform>Nudge %n department</numerusform>
            <numerusform>Nudge %n departments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n department(s)</source>
        <translation>
            <numerusform>Delete %n department</numerusform>
            <numerusform>Delete %n departments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n item(s)</source>
        <translation>
            <numerusform>Delete %n item</numerusform>
            <numerusform>Delete %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n finding</numerusform>
            <numerusform>%n findings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditorStatusBar</name>
    <message numerus="yes">
        <source>%Ln department(s)</source>
        <translation>
            <numerusform>%Ln department</numerusform>
            <numerusform>%Ln departments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln link(s)</source>
        <translation>
            <numerusform>%Ln link</numerusform>
            <numerusform>%Ln links</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln function(s)</source>
        <translation>
            <numerusform>%Ln function</numerusform>
            <numerusform>%Ln functions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportPdfDialog</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FunctionsDock</name>
    <message numerus="yes">
        <source>Delete %n function(s)</source>
        <translation>
            <numerusform>Delete %n function</numerusform>
            <numerusform>Delete %n functions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KpisDock</name>
    <message numerus="yes">
        <source>%n required function(s) or stage(s) without a KPI.</source>
        <translation>
            <numerusform>%n required function or stage without a KPI.</numerusform>
            <numerusform>%n required functions or stages without a KPI.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LinkEditor</name>
    <message numerus="yes">
        <source>%n links selected</source>
        <translation>
            <numerusform>%n links selected</numerusform>
            <numerusform>%n links selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutlineDock</name>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PropertiesDock</name>
    <message numerus="yes">
        <source>%n departments selected</source>
        <translation>
            <numerusform>%n departments selected</numerusform>
            <numerusform>%n departments selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message numerus="yes">
        <source>%n problem(s) repaired:</source>
        <translation>
            <numerusform>%n problem repaired:</numerusform>
            <numerusform>%n problems repaired:</numerusform>
        </translation>
    </message>
</context>
</TS>
