<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>Select the top department of the branch to lay out.</source>
        <translation>请选择要排列的分支的最上级部门。</translation>
    </message>
    <message>
        <source>Auto layout</source>
        <translation>自动布局</translation>
    </message>
    <message>
        <source>Select two or more departments to align.</source>
        <translation>请选择两个或更多部门进行对齐。</translation>
    </message>
    <message numerus="yes">
        <source>Align %n department(s)</source>
        <translation>
            <numerusform>对齐 %n 个部门</numerusform>
        </translation>
    </message>
    <message>
        <source>Select three or more departments to distribute.</source>
        <translation>请选择三个或更多部门进行等距分布。</translation>
    </message>
    <message numerus="yes">
        <source>Distribute %n department(s)</source>
        <translation>
            <numerusform>等距分布 %n 个部门</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot drop here: {reason}</source>
        <translation>不能放在这里：{reason}</translation>
    </message>
    <message>
        <source>Release to make the selection report to {name}</source>
        <translation>松开鼠标，使所选部门向 {name} 汇报</translation>
    </message>
    <message>
        <source>Refused: {reason}</source>
        <translation>未执行：{reason}</translation>
    </message>
    <message>
        <source>Drag to the department that should report to this one</source>
        <translation>拖到应向此部门汇报的部门上</translation>
    </message>
    <message>
        <source>Drag to the department to link with</source>
        <translation>拖到要建立协作关系的部门上</translation>
    </message>
    <message>
        <source>Cannot connect: {reason}</source>
        <translation>无法连接：{reason}</translation>
    </message>
    <message>
        <source>The clipboard does not hold departments this version can paste ({error}).</source>
        <translation>剪贴板中没有本版本可粘贴的部门（{error}）。</translation>
    </message>
    <message numerus="yes">
        <source>Paste %n department(s)</source>
        <translation>
            <numerusform>粘贴 %n 个部门</numerusform>
        </translation>
    </message>
    <message>
        <source>Add department</source>
        <translation>添加部门</translation>
    </message>
    <message>
        <source>Rename department</source>
        <translation>重命名部门</translation>
    </message>
    <message>
        <source>Edit link label</source>
        <translation>编辑关系标签</translation>
    </message>
    <message numerus="yes">
        <source>Move %n department(s)</source>
        <translation>
            <numerusform>移动 %n 个部门</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nudge %n department(s)</source>
        <translation>
            <numerusform>微移 %n 个部门</numerusform>
        </translation>
    </message>
    <message>
        <source>Change reporting line</source>
        <translation>更改汇报关系</translation>
    </message>
    <message>
        <source>A department cannot be connected to itself.</source>
        <translation>部门不能与自身连接。</translation>
    </message>
    <message>
        <source>{child} already reports to {parent}.</source>
        <translation>{child} 已向 {parent} 汇报。</translation>
    </message>
    <message>
        <source>These two departments already have a link of this kind.</source>
        <translation>这两个部门之间已有此类关系。</translation>
    </message>
    <message>
        <source>Draw reporting line</source>
        <translation>绘制汇报关系</translation>
    </message>
    <message>
        <source>Draw link</source>
        <translation>绘制协作关系</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n department(s)</source>
        <translation>
            <numerusform>删除 %n 个部门</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n item(s)</source>
        <translation>
            <numerusform>删除 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>Start a new, empty design</source>
        <translation>新建一个空白方案</translation>
    </message>
    <message>
        <source>New from &amp;Template...</source>
        <translation>从模板新建(&amp;T)...</translation>
    </message>
    <message>
        <source>&amp;Open...</source>
        <translation>打开(&amp;O)...</translation>
    </message>
    <message>
        <source>Open a design file</source>
        <translation>打开方案文件</translation>
    </message>
    <message>
        <source>Open from &amp;Repository...</source>
        <translation>从方案库打开(&amp;R)...</translation>
    </message>
    <message>
        <source>Open a design in a team repository (PostgreSQL) to edit it together with others</source>
        <translation>打开团队方案库（PostgreSQL）中的方案，与他人共同编辑</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the design</source>
        <translation>保存方案</translation>
    </message>
    <message>
        <source>Save &amp;As...</source>
        <translation>另存为(&amp;A)...</translation>
    </message>
    <message>
        <source>&amp;Import...</source>
        <translation>导入(&amp;I)...</translation>
    </message>
    <message>
        <source>Read a design from another format into a new design</source>
        <translation>从其他格式读入部门，生成新方案</translation>
    </message>
    <message>
        <source>Export &amp;PDF...</source>
        <translation>导出 PDF(&amp;P)...</translation>
    </message>
    <message>
        <source>&amp;Export...</source>
        <translation>导出(&amp;E)...</translation>
    </message>
    <message>
        <source>P&amp;rint...</source>
        <translation>打印(&amp;R)...</translation>
    </message>
    <message>
        <source>Print the chart (as a chart book when it is big) with a preview</source>
        <translation>打印组织图（较大时按分册打印），带预览</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>创建副本(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the selection with its links and responsibilities</source>
        <translation>删除所选对象及其关系和职责</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Find...</source>
        <translation>查找(&amp;F)...</translation>
    </message>
    <message>
        <source>&amp;Overview Map</source>
        <translation>总览图(&amp;O)</translation>
    </message>
    <message>
        <source>A small map of the whole chart in the corner of the canvas</source>
        <translation>在画布角落显示整个组织图的小地图</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>重新载入(&amp;L)</translation>
    </message>
    <message>
        <source>Read the design again from its file</source>
        <translation>从文件重新读取方案</translation>
    </message>
    <message>
        <source>&amp;Preferences...</source>
        <translation>首选项(&amp;P)...</translation>
    </message>
    <message>
        <source>Add &amp;Department</source>
        <translation>添加部门(&amp;D)</translation>
    </message>
    <message>
        <source>Add a department (or double-click empty canvas)</source>
        <translation>添加部门（或双击画布空白处）</translation>
    </message>
    <message>
        <source>Add C&amp;hild Department</source>
        <translation>添加下级部门(&amp;H)</translation>
    </message>
    <message>
        <source>Ins</source>
        <translation>Ins</translation>
    </message>
    <message>
        <source>Add &amp;Sibling Department</source>
        <translation>添加同级部门(&amp;S)</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>重命名(&amp;R)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>适合窗口(&amp;F)</translation>
    </message>
    <message>
        <source>Show the whole chart (or the selection)</source>
        <translation>显示整个组织图（或所选部分）</translation>
    </message>
    <message>
        <source>&amp;Actual Size (100%)</source>
        <translation>实际大小 (100%)(&amp;A)</translation>
    </message>
    <message>
        <source>Show &amp;Grid</source>
        <translation>显示网格(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Snap to Grid</source>
        <translation>对齐网格(&amp;S)</translation>
    </message>
    <message>
        <source>Select</source>
        <translation>选择</translation>
    </message>
    <message>
        <source>Select, move, drop onto a box to re-parent</source>
        <translation>选择、移动；拖到另一个方框上即改为向其汇报</translation>
    </message>
    <message>
        <source>Reporting Line</source>
        <translation>汇报关系</translation>
    </message>
    <message>
        <source>Drag from a manager to a department that reports to it</source>
        <translation>从上级部门拖到向其汇报的部门</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>协作关系</translation>
    </message>
    <message>
        <source>Drag from one department to another to link them</source>
        <translation>从一个部门拖到另一个部门以建立协作关系</translation>
    </message>
    <message>
        <source>Auto Layout: Top-Down</source>
        <translation>自动布局：自上而下</translation>
    </message>
    <message>
        <source>Arrange the whole chart as a tidy tree</source>
        <translation>将整个组织图排列为整齐的树形</translation>
    </message>
    <message>
        <source>Auto Layout: Left-Right</source>
        <translation>自动布局：从左到右</translation>
    </message>
    <message>
        <source>Lay Out Selected Branch: Top-Down</source>
        <translation>排列所选分支：自上而下</translation>
    </message>
    <message>
        <source>Lay Out Selected Branch: Left-Right</source>
        <translation>排列所选分支：从左到右</translation>
    </message>
    <message>
        <source>Auto Layout</source>
        <translation>自动布局</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适合窗口</translation>
    </message>
    <message>
        <source>Stack Leaf Departments Compactly</source>
        <translation>末级部门紧凑堆叠</translation>
    </message>
    <message>
        <source>Auto layout stacks departments without children in a column (four or more under one manager)</source>
        <translation>自动布局时把没有下级的部门排成一列（同一上级下有四个或更多时）</translation>
    </message>
    <message>
        <source>Align &amp;Left</source>
        <translation>左对齐(&amp;L)</translation>
    </message>
    <message>
        <source>Align &amp;Centres</source>
        <translation>水平居中对齐(&amp;C)</translation>
    </message>
    <message>
        <source>Align &amp;Right</source>
        <translation>右对齐(&amp;R)</translation>
    </message>
    <message>
        <source>Align &amp;Top</source>
        <translation>顶端对齐(&amp;T)</translation>
    </message>
    <message>
        <source>Align &amp;Middles</source>
        <translation>垂直居中对齐(&amp;M)</translation>
    </message>
    <message>
        <source>Align &amp;Bottom</source>
        <translation>底端对齐(&amp;B)</translation>
    </message>
    <message>
        <source>Distribute &amp;Horizontally</source>
        <translation>水平等距分布(&amp;H)</translation>
    </message>
    <message>
        <source>Distribute &amp;Vertically</source>
        <translation>垂直等距分布(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Getting Started</source>
        <translation>入门指南(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;About Org Designer</source>
        <translation>关于组织架构设计器(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Arrange</source>
        <translation>排列(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Clear Recent Files</source>
        <translation>清除最近文件</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Kind of link the link tool and the link handle draw</source>
        <translation>协作工具和连接手柄绘制的关系类型</translation>
    </message>
    <message>
        <source>Find department...</source>
        <translation>查找部门...</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n 个错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 个警告</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n 条提示</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Follow the System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>note</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>%1 about this department (the worst: %2). The Findings panel lists them.</source>
        <translation>关于本部门的%1（最严重：%2）。“诊断发现”面板中列出了全部。</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n 条诊断发现</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 was saved by %2: showing the new version.</source>
        <translation>%2 保存了 %1：现在显示的是新版本。</translation>
    </message>
    <message>
        <source>someone else</source>
        <translation>他人</translation>
    </message>
    <message>
        <source>Someone saved a newer version of this design. &lt;a href=&quot;reload&quot;&gt;Reload&lt;/a&gt; to see it (your changes here will be lost).</source>
        <translation>有人保存了此方案的新版本。&lt;a href=&quot;reload&quot;&gt;重新载入&lt;/a&gt;即可查看（您在这里的更改将丢失）。</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <source>Reload %1 from the file? Your unsaved changes here will be lost.</source>
        <translation>从文件重新载入 %1？您在这里未保存的更改将丢失。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的更改</translation>
    </message>
    <message>
        <source>Save the changes to {name} before closing it?</source>
        <translation>关闭前是否保存对 {name} 的更改？</translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation>无法打开</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>No templates are installed.</source>
        <translation>没有安装任何模板。</translation>
    </message>
    <message>
        <source>New from template</source>
        <translation>从模板新建</translation>
    </message>
    <message>
        <source>Organisation form:</source>
        <translation>组织形式：</translation>
    </message>
    <message>
        <source>Open design</source>
        <translation>打开方案</translation>
    </message>
    <message>
        <source>design</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>Save design as</source>
        <translation>方案另存为</translation>
    </message>
    <message>
        <source>Design in use</source>
        <translation>方案正在使用中</translation>
    </message>
    <message>
        <source>Save As...</source>
        <translation>另存为...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Overview: click or drag to move the chart view</source>
        <translation>总览：单击或拖动可移动组织图视图</translation>
    </message>
    <message>
        <source>the connection to the repository was lost ({reason}); {n} unsent edit(s) are kept and will be sent when it returns</source>
        <translation>与方案库的连接已断开（{reason}）；{n} 项未发送的编辑已保留，连接恢复后会发送</translation>
    </message>
    <message>
        <source>{n} edit(s) wait for the connection to the repository</source>
        <translation>{n} 项编辑正在等待与方案库的连接</translation>
    </message>
    <message>
        <source>Every edit is already stored in the repository</source>
        <translation>每次编辑都已保存在方案库中</translation>
    </message>
    <message>
        <source>Save a copy as</source>
        <translation>副本另存为</translation>
    </message>
    <message>
        <source>Design files (*.db)</source>
        <translation>方案文件 (*.db)</translation>
    </message>
    <message>
        <source>Cannot save a copy</source>
        <translation>无法保存副本</translation>
    </message>
    <message>
        <source>Saved a copy as {name}</source>
        <translation>已将副本保存为 {name}</translation>
    </message>
    <message>
        <source>{n} edit(s) your last session could not send were sent now.</source>
        <translation>上次会话未能发送的 {n} 项编辑现已发送。</translation>
    </message>
    <message>
        <source>Connected to the repository again; unsent edits were sent</source>
        <translation>已重新连接到方案库；未发送的编辑已发送</translation>
    </message>
    <message>
        <source>Read-only: {reason}.</source>
        <translation>只读：{reason}。</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Also editing: {names}</source>
        <translation>同时在编辑：{names}</translation>
    </message>
    <message>
        <source>Only you are editing</source>
        <translation>只有您在编辑</translation>
    </message>
    <message>
        <source>(top level)</source>
        <translation>（最高层）</translation>
    </message>
    <message>
        <source>was under {name}</source>
        <translation>原上级：{name}</translation>
    </message>
    <message>
        <source>Removed: {name}</source>
        <translation>已撤销：{name}</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>Scenario:</source>
        <translation>方案：</translation>
    </message>
    <message>
        <source>The scenario shown and edited (现状, options ...)</source>
        <translation>当前显示和编辑的方案（现状、备选方案……）</translation>
    </message>
    <message>
        <source>Copy…</source>
        <translation>复制…</translation>
    </message>
    <message>
        <source>Start a new option as a copy of this scenario</source>
        <translation>复制当前方案，开始一个新选项</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Add Template…</source>
        <translation>添加模板…</translation>
    </message>
    <message>
        <source>Add a starter template as a new scenario laid over this one (a growth path, e.g. startup → mid-size)</source>
        <translation>把一个起步模板作为新方案叠加到当前方案上（成长路径，如初创 → 中大型）</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>对比…</translation>
    </message>
    <message>
        <source>Show what this scenario changes against another scenario or file</source>
        <translation>显示当前方案相对另一方案或文件的变化</translation>
    </message>
    <message>
        <source>Showing scenario {name}</source>
        <translation>正在显示方案 {name}</translation>
    </message>
    <message>
        <source>Refused: {n} edit(s) wait for the connection to the repository</source>
        <translation>已拒绝：还有 {n} 处编辑在等待与资料库的连接</translation>
    </message>
    <message>
        <source>Copy scenario</source>
        <translation>复制方案</translation>
    </message>
    <message>
        <source>Rename scenario</source>
        <translation>重命名方案</translation>
    </message>
    <message>
        <source>Delete scenario</source>
        <translation>删除方案</translation>
    </message>
    <message>
        <source>Delete the scenario “{name}” from this design file?</source>
        <translation>从此设计文件中删除方案“{name}”？</translation>
    </message>
    <message>
        <source>Add Template as Scenario</source>
        <translation>以模板新增方案</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>模板：</translation>
    </message>
    <message>
        <source>Scenario name:</source>
        <translation>方案名称：</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>对比对象</translation>
    </message>
    <message>
        <source>Designs (*.db *.json);;All files (*)</source>
        <translation>设计文件 (*.db *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open Read-Only</source>
        <translation>以只读方式打开</translation>
    </message>
    <message>
        <source>Open a Copy</source>
        <translation>打开副本</translation>
    </message>
    <message>
        <source>Break the Lock</source>
        <translation>解除锁定</translation>
    </message>
    <message>
        <source>{file} is being edited by someone else.</source>
        <translation>{file} 正在由他人编辑。</translation>
    </message>
    <message>
        <source>{file} is being edited by {user} on {host} since {when}.</source>
        <translation>{file} 正在由 {user} 编辑（电脑 {host}，自 {when} 起）。</translation>
    </message>
    <message>
        <source>{sentence} The lock looks abandoned.</source>
        <translation>{sentence}该锁定似乎已被遗弃。</translation>
    </message>
    <message>
        <source>{file} was moved or deleted since you opened it.</source>
        <translation>自您打开后，{file} 已被移动或删除。</translation>
    </message>
    <message>
        <source>{file} was saved by {user} since you opened it.</source>
        <translation>自您打开后，{user} 已保存过 {file}。</translation>
    </message>
    <message>
        <source>{file} was changed since you opened it.</source>
        <translation>自您打开后，{file} 已被修改。</translation>
    </message>
    <message>
        <source>Save under another name, or overwrite it explicitly.</source>
        <translation>请另存为其他名称，或明确选择覆盖。</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <source>Overwrite Anyway</source>
        <translation>仍然覆盖</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Recover unsaved work</source>
        <translation>恢复未保存的工作</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <source>Printing is not available in this installation.</source>
        <translation>此安装中无法打印。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Export to {kind} is not available.</source>
        <translation>无法导出为 {kind}。</translation>
    </message>
    <message>
        <source>Export cancelled; {name} was not written.</source>
        <translation>导出已取消，{name} 没有写入。</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <source>Exported {name}</source>
        <translation>已导出 {name}</translation>
    </message>
    <message>
        <source>Reading and checking the file...</source>
        <translation>正在读取并检查文件…</translation>
    </message>
    <message>
        <source>Reading the departments...</source>
        <translation>正在读取部门…</translation>
    </message>
    <message>
        <source>Preparing the working copy...</source>
        <translation>正在准备工作副本…</translation>
    </message>
    <message>
        <source>Drawing the chart...</source>
        <translation>正在绘制组织图…</translation>
    </message>
    <message>
        <source>Showing the design...</source>
        <translation>正在显示方案…</translation>
    </message>
    <message>
        <source>Opening...</source>
        <translation>正在打开…</translation>
    </message>
    <message>
        <source>Opening {name}</source>
        <translation>正在打开 {name}</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>正在打开</translation>
    </message>
    <message>
        <source>{link}
No route around the other boxes: shown as a dotted stub at each end instead of a line across the boxes in between. Move the boxes apart to draw it.</source>
        <translation>{link}
找不到绕开其他方框的路线：两端各画一段点线短桩，而不是一条穿过中间方框的线。把方框移开一些即可画出。</translation>
    </message>
    <message>
        <source>Closing {name}</source>
        <translation>正在关闭 {name}</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>正在关闭</translation>
    </message>
    <message>
        <source>Closing the design...</source>
        <translation>正在关闭方案…</translation>
    </message>
    <message>
        <source>Exporting {name}</source>
        <translation>正在导出 {name}</translation>
    </message>
    <message>
        <source>Checking the design...</source>
        <translation>正在检查方案…</translation>
    </message>
    <message>
        <source>Laying out the pages...</source>
        <translation>正在排版页面…</translation>
    </message>
    <message>
        <source>Drawing the pages...</source>
        <translation>正在绘制页面…</translation>
    </message>
    <message>
        <source>Writing the file...</source>
        <translation>正在写入文件…</translation>
    </message>
    <message>
        <source>Exporting...</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Working...</source>
        <translation>正在处理…</translation>
    </message>
</context>
<context>
    <name>ChangesDock</name>
    <message>
        <source>Changes</source>
        <translation>方案变化</translation>
    </message>
    <message>
        <source>Compare with:</source>
        <translation>对比对象：</translation>
    </message>
    <message>
        <source>(nothing: Compare off)</source>
        <translation>（不对比）</translation>
    </message>
    <message>
        <source>Scenario {name}</source>
        <translation>方案 {name}</translation>
    </message>
    <message>
        <source>Another file…</source>
        <translation>其他文件…</translation>
    </message>
    <message>
        <source>Choose a scenario or a file to compare the shown scenario with.</source>
        <translation>选择一个方案或文件，与当前方案对比。</translation>
    </message>
    <message>
        <source>Findings resolved: {r} · introduced: {i}</source>
        <translation>已解决的问题：{r} · 新出现的问题：{i}</translation>
    </message>
    <message>
        <source>No changes</source>
        <translation>没有变化</translation>
    </message>
</context>
<context>
    <name>DepartmentItem</name>
    <message>
        <source>(unnamed)</source>
        <translation>（未命名）</translation>
    </message>
    <message>
        <source>Leader: {name}</source>
        <translation>负责人：{name}</translation>
    </message>
    <message>
        <source>Headcount: {n}</source>
        <translation>人数：{n}</translation>
    </message>
    <message>
        <source>Drag to a box to make it report to this department</source>
        <translation>拖到一个方框上，使其向本部门汇报</translation>
    </message>
    <message>
        <source>Drag to a box to draw a collaboration link</source>
        <translation>拖到一个方框上，绘制协作关系</translation>
    </message>
</context>
<context>
    <name>DesignNameBar</name>
    <message>
        <source>Name this design:</source>
        <translation>为方案命名：</translation>
    </message>
    <message>
        <source>for example: East China marketing structure 2027</source>
        <translation>例如：华东区 2027 年营销组织方案</translation>
    </message>
    <message>
        <source>Enter keeps it; it is used in the title, the file name and the PDF.</source>
        <translation>按回车确认；名称用于标题栏、文件名和 PDF。</translation>
    </message>
    <message>
        <source>Keep the proposed name</source>
        <translation>保留建议的名称</translation>
    </message>
</context>
<context>
    <name>EditorStatusBar</name>
    <message>
        <source>Checking the design... %p%</source>
        <translation>正在检查方案… %p%</translation>
    </message>
    <message numerus="yes">
        <source>%Ln department(s)</source>
        <translation>
            <numerusform>%Ln 个部门</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln link(s)</source>
        <translation>
            <numerusform>%Ln 条关系</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln function(s)</source>
        <translation>
            <numerusform>%Ln 项职能</numerusform>
        </translation>
    </message>
    <message>
        <source>No findings</source>
        <translation>没有诊断发现</translation>
    </message>
    <message>
        <source>Findings: {list}</source>
        <translation>诊断发现：{list}</translation>
    </message>
    <message>
        <source>Zoom {p}%</source>
        <translation>缩放 {p}%</translation>
    </message>
</context>
<context>
    <name>ExportPdfDialog</name>
    <message>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>Automatic (whichever fits better)</source>
        <translation>自动（取更合适的方向）</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>纵向</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>横向</translation>
    </message>
    <message>
        <source>Automatic (one page if readable, else tiles)</source>
        <translation>自动（文字清晰时一页，否则分页拼接）</translation>
    </message>
    <message>
        <source>Fit the chart on one page</source>
        <translation>组织图缩放到一页</translation>
    </message>
    <message>
        <source>Tiles: split over several pages</source>
        <translation>分页拼接：分到多页</translation>
    </message>
    <message>
        <source>Chart book: a page per branch, with an index</source>
        <translation>分册：每个分支一页，附索引</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>The design&apos;s language</source>
        <translation>方案的语言</translation>
    </message>
    <message>
        <source>&amp;Paper:</source>
        <translation>纸张(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Orientation:</source>
        <translation>方向(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Chart:</source>
        <translation>组织图(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Scale:</source>
        <translation>比例(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Cover</source>
        <translation>封面</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>组织图</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>Function owners</source>
        <translation>职能责任主体</translation>
    </message>
    <message>
        <source>KPIs</source>
        <translation>关键指标</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>诊断发现</translation>
    </message>
    <message>
        <source>Department table</source>
        <translation>部门一览表</translation>
    </message>
    <message>
        <source>Changes against {base}</source>
        <translation>相对“{base}”的变化</translation>
    </message>
    <message>
        <source>Where to save the PDF (or PowerPoint slides: a name ending in .pptx)</source>
        <translation>PDF 的保存位置（文件名以 .pptx 结尾则保存为 PowerPoint 幻灯片）</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>浏览(&amp;B)...</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>文件(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>美式信纸</translation>
    </message>
    <message>
        <source>Legal</source>
        <translation>美式法律用纸</translation>
    </message>
    <message>
        <source>Tabloid</source>
        <translation>小报纸</translation>
    </message>
    <message>
        <source>portrait</source>
        <translation>纵向</translation>
    </message>
    <message>
        <source>landscape</source>
        <translation>横向</translation>
    </message>
    <message>
        <source>Choose at least one section.</source>
        <translation>请至少选择一项内容。</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n 页</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>the chart in a %1 x %2 grid of tiles: %3 pages with the overview</source>
        <translation>组织图分为 %1 × %2 块：含总览共 %3 页</translation>
    </message>
    <message>
        <source>the chart as a book of %1 pages and an index of %2</source>
        <translation>组织图分册共 %1 页，索引 %2 页</translation>
    </message>
    <message>
        <source>The smallest name on the chart would be %1 pt: choose tiles, a larger scale or larger paper.</source>
        <translation>组织图上最小的名称只有 %1 pt：请选择分页拼接、更大的比例或更大的纸张。</translation>
    </message>
    <message>
        <source>The font cannot show these characters: %1</source>
        <translation>字体无法显示这些字符：%1</translation>
    </message>
    <message>
        <source>Where the chart falls on the paper</source>
        <translation>组织图在纸张上的位置</translation>
    </message>
    <message>
        <source>No chart preview</source>
        <translation>没有组织图预览</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>PowerPoint slides (*.pptx)</source>
        <translation>PowerPoint 幻灯片 (*.pptx)</translation>
    </message>
    <message>
        <source>%1 exists already. Replace it?</source>
        <translation>%1 已存在。要替换它吗？</translation>
    </message>
    <message>
        <source>Export cancelled; %1 was not written.</source>
        <translation>导出已取消；未写入 %1。</translation>
    </message>
    <message>
        <source>%1: cannot be written: %2</source>
        <translation>%1：无法写入：%2</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>A CSV or Excel (.xlsx) table with one row per department or post.</source>
        <translation>CSV 或 Excel (.xlsx) 表格，每行一个部门或岗位。</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>要导入的文件</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>浏览(&amp;B)...</translation>
    </message>
    <message>
        <source>Import departments</source>
        <translation>导入部门</translation>
    </message>
    <message>
        <source>Tables (*.csv *.tsv *.txt *.xlsx);;All files (*)</source>
        <translation>表格 (*.csv *.tsv *.txt *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1：文件不存在</translation>
    </message>
</context>
<context>
    <name>FindingsDock</name>
    <message>
        <source>Findings</source>
        <translation>诊断发现</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>诊断发现</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>No design is open.</source>
        <translation>没有打开的方案。</translation>
    </message>
    <message>
        <source>The checks are not available in this installation.</source>
        <translation>此安装中无法进行诊断检查。</translation>
    </message>
    <message>
        <source>The checks failed: %1</source>
        <translation>诊断检查失败：%1</translation>
    </message>
    <message>
        <source>No findings</source>
        <translation>没有诊断发现</translation>
    </message>
</context>
<context>
    <name>FunctionsDock</name>
    <message>
        <source>Functions &amp;&amp; owners</source>
        <translation>职能与责任主体</translation>
    </message>
    <message>
        <source>Filter functions</source>
        <translation>筛选职能</translation>
    </message>
    <message>
        <source>Ownerless only</source>
        <translation>仅显示无责任主体的</translation>
    </message>
    <message>
        <source>Selected departments only</source>
        <translation>仅显示所选部门</translation>
    </message>
    <message>
        <source>&amp;Add function</source>
        <translation>添加职能(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>重命名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Responsible &amp;post...</source>
        <translation>责任岗位(&amp;P)...</translation>
    </message>
    <message>
        <source>From the &amp;catalogue</source>
        <translation>从职能目录(&amp;C)</translation>
    </message>
    <message>
        <source>No functions yet: add the ones your organisation must do.</source>
        <translation>还没有职能：请添加组织必须承担的职能。</translation>
    </message>
    <message>
        <source>%1 of %2 functions have no owner (A).</source>
        <translation>%2 项职能中有 %1 项没有责任主体（负责 A）：管理真空。</translation>
    </message>
    <message>
        <source>Every function has an owner.</source>
        <translation>每项职能都有责任主体。</translation>
    </message>
    <message>
        <source>Clear responsibility</source>
        <translation>清除职责</translation>
    </message>
    <message>
        <source>Make %1 owner of %2</source>
        <translation>设 %1 为 %2 的责任主体</translation>
    </message>
    <message>
        <source>Set responsibility %1</source>
        <translation>设置职责 %1</translation>
    </message>
    <message>
        <source>No role</source>
        <translation>无职责</translation>
    </message>
    <message>
        <source>Add function</source>
        <translation>添加职能</translation>
    </message>
    <message>
        <source>The design has every catalogue function</source>
        <translation>方案已包含职能目录中的全部职能</translation>
    </message>
    <message>
        <source>Add function %1</source>
        <translation>添加职能 %1</translation>
    </message>
    <message>
        <source>Rename function</source>
        <translation>重命名职能</translation>
    </message>
    <message>
        <source>Set responsible post</source>
        <translation>设置责任岗位</translation>
    </message>
    <message>
        <source>Responsible post</source>
        <translation>责任岗位</translation>
    </message>
    <message>
        <source>Which post answers for %1?</source>
        <translation>哪个岗位对%1负责？</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n function(s)</source>
        <translation>
            <numerusform>删除 %n 项职能</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GettingStartedDialog</name>
    <message>
        <source>Getting Started</source>
        <translation>入门指南</translation>
    </message>
    <message>
        <source>All Gestures (README)</source>
        <translation>全部操作（README）</translation>
    </message>
    <message>
        <source>Add a department</source>
        <translation>添加部门</translation>
    </message>
    <message>
        <source>Add Department on the toolbar: a child of the selected department, or double-click empty canvas</source>
        <translation>工具栏上的“添加部门”：添加为所选部门的下级；也可双击画布空白处</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Double-click the box, or F2; Enter keeps, Esc cancels</source>
        <translation>双击方框或按 F2；回车确认，Esc 取消</translation>
    </message>
    <message>
        <source>Draw a reporting line</source>
        <translation>绘制汇报关系</translation>
    </message>
    <message>
        <source>Drag from the grey handle under a box to the department that reports to it</source>
        <translation>从方框下方的灰色手柄拖到向它汇报的部门</translation>
    </message>
    <message>
        <source>Draw a collaboration link</source>
        <translation>绘制协作关系</translation>
    </message>
    <message>
        <source>Drag from the teal handle on the right of a box to another box</source>
        <translation>从方框右侧的青色手柄拖到另一个方框</translation>
    </message>
    <message>
        <source>Change the manager</source>
        <translation>更换上级</translation>
    </message>
    <message>
        <source>Drop the box onto its new manager</source>
        <translation>把方框拖放到新的上级部门上</translation>
    </message>
    <message>
        <source>Give a function an owner</source>
        <translation>为职能指定责任主体</translation>
    </message>
    <message>
        <source>Functions &amp; owners panel: double-click a cell, right-click it, or type A, R, C or I</source>
        <translation>“职能与责任主体”面板：双击单元格、右键单击，或键入 A、R、C、I</translation>
    </message>
    <message>
        <source>Find a department</source>
        <translation>查找部门</translation>
    </message>
    <message>
        <source>Ctrl+F, type, Enter for the next match, Esc back to the chart</source>
        <translation>Ctrl+F 后输入，回车跳到下一个匹配，Esc 回到组织图</translation>
    </message>
    <message>
        <source>Zoom and pan</source>
        <translation>缩放与平移</translation>
    </message>
    <message>
        <source>Ctrl+wheel zooms, Ctrl+0 fits the chart; wheel or Space+drag pans</source>
        <translation>Ctrl+滚轮缩放，Ctrl+0 显示整个组织图；滚轮或按住空格拖动可平移</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Ctrl+Z undoes any edit, one step at a time</source>
        <translation>Ctrl+Z 逐步撤销任何编辑</translation>
    </message>
    <message>
        <source>Print a proposal</source>
        <translation>打印方案</translation>
    </message>
    <message>
        <source>File &gt; Export PDF... (Ctrl+P)</source>
        <translation>文件 &gt; 导出 PDF...（Ctrl+P）</translation>
    </message>
    <message>
        <source>Start from a template (File &gt; New from Template) or an empty design, then arrange departments on the chart. The panels around the chart show the same selection.</source>
        <translation>从模板（文件 &gt; 从模板新建）或空白方案开始，然后在组织图上安排部门。组织图周围的面板显示同一个选择。</translation>
    </message>
    <message>
        <source>The Findings panel lists what the checks found; click one to see the departments it names.</source>
        <translation>“诊断发现”面板列出检查发现的问题；单击一条即可看到涉及的部门。</translation>
    </message>
    <message>
        <source>All Gestures</source>
        <translation>全部操作</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Reports to (parent id)</source>
        <translation>上级（上级编号）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Headcount</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Position x</source>
        <translation>位置 x</translation>
    </message>
    <message>
        <source>Position y</source>
        <translation>位置 y</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Staff unit</source>
        <translation>参谋部门</translation>
    </message>
    <message>
        <source>the department&apos;s own id (required)</source>
        <translation>部门自己的编号（必填）</translation>
    </message>
    <message>
        <source>the id of the department it reports to</source>
        <translation>所汇报的上级部门的编号</translation>
    </message>
    <message>
        <source>the name shown on the chart</source>
        <translation>组织图上显示的名称</translation>
    </message>
    <message>
        <source>department, team, committee, business unit or office</source>
        <translation>部门、小组、委员会、事业部或办公室</translation>
    </message>
    <message>
        <source>who leads it</source>
        <translation>负责人是谁</translation>
    </message>
    <message>
        <source>staff or FTE (fractions are summed)</source>
        <translation>人数或全时当量（小数会累加）</translation>
    </message>
    <message>
        <source>its budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>box colour as #rrggbb</source>
        <translation>方框颜色，写作 #rrggbb</translation>
    </message>
    <message>
        <source>position across</source>
        <translation>横向位置</translation>
    </message>
    <message>
        <source>position down</source>
        <translation>纵向位置</translation>
    </message>
    <message>
        <source>free text</source>
        <translation>任意文字</translation>
    </message>
    <message>
        <source>a staff unit drawn beside its manager (yes or empty)</source>
        <translation>画在上级旁边的参谋部门（填“是”或留空）</translation>
    </message>
    <message>
        <source>Import departments</source>
        <translation>导入部门</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
</context>
<context>
    <name>KpisDock</name>
    <message>
        <source>KPIs</source>
        <translation>关键指标</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责部门</translation>
    </message>
    <message>
        <source>Shared with</source>
        <translation>共同承担</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>衡量的职能</translation>
    </message>
    <message>
        <source>Shared with:</source>
        <translation>共同承担：</translation>
    </message>
    <message>
        <source>Measures:</source>
        <translation>衡量的职能：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>单位(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>负责部门(&amp;O)：</translation>
    </message>
    <message>
        <source>Marketing budget: brand</source>
        <translation>营销预算：品牌</translation>
    </message>
    <message>
        <source>performance</source>
        <translation>效果</translation>
    </message>
    <message>
        <source>&amp;Add KPI</source>
        <translation>添加指标(&amp;A)</translation>
    </message>
    <message>
        <source>From the &amp;catalogue</source>
        <translation>从职能目录(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Delete KPI</source>
        <translation>删除指标(&amp;D)</translation>
    </message>
    <message>
        <source>(no owner)</source>
        <translation>（无负责部门）</translation>
    </message>
    <message>
        <source>No KPIs yet: add the seed&apos;s from the catalogue, such as customer lifetime value and customer satisfaction.</source>
        <translation>还没有关键指标：可从目录添加，例如客户终身价值和客户满意度。</translation>
    </message>
    <message numerus="yes">
        <source>%n required function(s) or stage(s) without a KPI.</source>
        <translation>
            <numerusform>%n 项必需的职能或旅程阶段没有关键指标。</numerusform>
        </translation>
    </message>
    <message>
        <source>Every required function and stage has a KPI.</source>
        <translation>每项必需的职能和旅程阶段都有关键指标。</translation>
    </message>
    <message>
        <source>Rename KPI</source>
        <translation>重命名指标</translation>
    </message>
    <message>
        <source>Change KPI unit</source>
        <translation>更改指标单位</translation>
    </message>
    <message>
        <source>Change KPI owner</source>
        <translation>更改指标负责部门</translation>
    </message>
    <message>
        <source>Share KPI</source>
        <translation>共同承担指标</translation>
    </message>
    <message>
        <source>Change what a KPI measures</source>
        <translation>更改指标衡量的职能</translation>
    </message>
    <message>
        <source>Change budget split</source>
        <translation>更改预算分配</translation>
    </message>
    <message>
        <source>Add KPI</source>
        <translation>添加指标</translation>
    </message>
    <message>
        <source>Delete KPI</source>
        <translation>删除指标</translation>
    </message>
    <message>
        <source>The design has every catalogue KPI</source>
        <translation>方案已包含目录中的全部关键指标</translation>
    </message>
</context>
<context>
    <name>LinkEditor</name>
    <message>
        <source>Has a direction (arrow)</source>
        <translation>有方向（箭头）</translation>
    </message>
    <message>
        <source>Link &amp;kind:</source>
        <translation>关系类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>标签(&amp;L)：</translation>
    </message>
    <message>
        <source>Link: %1 — %2</source>
        <translation>关系：%1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>%n links selected</source>
        <translation>
            <numerusform>已选择 %n 条关系</numerusform>
        </translation>
    </message>
    <message>
        <source>(several values)</source>
        <translation>（多个值）</translation>
    </message>
    <message>
        <source>Edit link</source>
        <translation>编辑关系</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Read-only: {reason}. Use Save As to keep your changes in another file.</source>
        <translation>只读：{reason}。请用“另存为”把更改保存到另一个文件。</translation>
    </message>
    <message>
        <source>Recovered unsaved work. Save it to keep it.</source>
        <translation>已恢复未保存的工作。请保存以保留它。</translation>
    </message>
    <message>
        <source>Name the design</source>
        <translation>为方案命名</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Org Designer</source>
        <translation>组织架构设计器</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>Stored in the repository</source>
        <translation>已保存在方案库中</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的更改</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>已保存 {name}</translation>
    </message>
    <message>
        <source>Warning: {problem}</source>
        <translation>警告：{problem}</translation>
    </message>
    <message>
        <source>Refused: {reason}</source>
        <translation>未执行：{reason}</translation>
    </message>
    <message>
        <source>The clipboard holds no departments.</source>
        <translation>剪贴板中没有部门。</translation>
    </message>
    <message>
        <source>Drag from a manager to the department that reports to it.</source>
        <translation>从上级部门拖到向其汇报的部门。</translation>
    </message>
    <message>
        <source>Drag from one department to another to link them.</source>
        <translation>从一个部门拖到另一个部门以建立协作关系。</translation>
    </message>
    <message>
        <source>No department matches “{text}”.</source>
        <translation>没有与“{text}”匹配的部门。</translation>
    </message>
    <message>
        <source>Match {i} of {n}</source>
        <translation>第 {i} 个，共 {n} 个匹配</translation>
    </message>
    <message>
        <source>About Org Designer</source>
        <translation>关于组织架构设计器</translation>
    </message>
    <message>
        <source>&lt;b&gt;Org Designer&lt;/b&gt; {version}&lt;br&gt;Design departments, reporting lines and collaboration, and see which business function has no owner.</source>
        <translation>&lt;b&gt;组织架构设计器&lt;/b&gt; {version}&lt;br&gt;设计部门、汇报关系与协作关系，一眼看出哪项业务职能没有责任主体。</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Map the columns</source>
        <translation>对应各列</translation>
    </message>
    <message>
        <source>Which column holds what? The guesses come from the column names.</source>
        <translation>每一列是什么内容？初始猜测来自列名。</translation>
    </message>
    <message>
        <source>&amp;Sheet:</source>
        <translation>工作表(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>编码(&amp;E)：</translation>
    </message>
    <message>
        <source>Auto-detect</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8（带 BOM）</translation>
    </message>
    <message>
        <source>GB18030 / GBK (Chinese Excel)</source>
        <translation>GB18030 / GBK（中文 Excel）</translation>
    </message>
    <message>
        <source>Attach parents whose ids differ only by leading zeros or spaces</source>
        <translation>上级编号仅差前导零或空格时也视为同一上级</translation>
    </message>
    <message>
        <source>Staff &amp;file (optional):</source>
        <translation>人员文件（可选）(&amp;F)：</translation>
    </message>
    <message>
        <source>rows of staff counted under a department&apos;s id</source>
        <translation>按部门编号计入人数的人员行</translation>
    </message>
    <message>
        <source>Bro&amp;wse...</source>
        <translation>浏览(&amp;W)...</translation>
    </message>
    <message>
        <source>sheet %1</source>
        <translation>工作表 %1</translation>
    </message>
    <message>
        <source>%1, delimiter %2</source>
        <translation>%1，分隔符 %2</translation>
    </message>
    <message>
        <source>%1 (%2): %3 data rows. The first rows:</source>
        <translation>%1（%2）：%3 行数据。前几行：</translation>
    </message>
    <message>
        <source>(not used)</source>
        <translation>（不使用）</translation>
    </message>
    <message>
        <source>(unnamed column)</source>
        <translation>（未命名列）</translation>
    </message>
    <message>
        <source>Staff file</source>
        <translation>人员文件</translation>
    </message>
    <message>
        <source>Tables (*.csv *.tsv *.txt *.xlsx);;All files (*)</source>
        <translation>表格 (*.csv *.tsv *.txt *.xlsx);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>OpenRepositoryDialog</name>
    <message>
        <source>Open from Repository</source>
        <translation>从方案库打开</translation>
    </message>
    <message>
        <source>postgresql://user@host:5432/dbname</source>
        <translation>postgresql://用户名@主机:5432/数据库名</translation>
    </message>
    <message>
        <source>(from PGPASSWORD or .pgpass if empty)</source>
        <translation>（留空时取自 PGPASSWORD 或 .pgpass）</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>服务器地址：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Designs:</source>
        <translation>方案：</translation>
    </message>
    <message>
        <source>Enter an address like postgresql://user@host:5432/dbname</source>
        <translation>请输入类似 postgresql://用户名@主机:5432/数据库名 的地址</translation>
    </message>
    <message>
        <source>{name}  (version {version}, {n} departments, {who})</source>
        <translation>{name}（版本 {version}，{n} 个部门，{who}）</translation>
    </message>
    <message>
        <source>Connected: {n} design(s)</source>
        <translation>已连接：{n} 个方案</translation>
    </message>
    <message>
        <source>Connected; the repository has no designs yet (push one with python -m orgdesigner repo push)</source>
        <translation>已连接；方案库中还没有方案（可用 python -m orgdesigner repo push 上传）</translation>
    </message>
</context>
<context>
    <name>OrgScene</name>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>OutlineDock</name>
    <message>
        <source>Outline</source>
        <translation>大纲</translation>
    </message>
    <message>
        <source>Search departments (Enter: next match)</source>
        <translation>搜索部门（回车：下一个匹配）</translation>
    </message>
    <message>
        <source>Leader: %1</source>
        <translation>负责人：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n 个匹配</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OwnershipModel</name>
    <message>
        <source>Function</source>
        <translation>职能</translation>
    </message>
    <message>
        <source>Owner (A)</source>
        <translation>责任主体（负责 A）</translation>
    </message>
    <message>
        <source>%1
Responsible post: %2</source>
        <translation>%1
责任岗位：%2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 / %2: %3</source>
        <translation>%1 / %2：%3</translation>
    </message>
    <message>
        <source>no role</source>
        <translation>无职责</translation>
    </message>
    <message>
        <source>%1 (for %2)</source>
        <translation>%1（负责%2）</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>您的姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>Colleagues see it when you have a design open, as who saved it, and as the author on the PDF cover.</source>
        <translation>您打开方案时同事会看到这个名字，它也会作为保存者和 PDF 封面上的作者显示。</translation>
    </message>
</context>
<context>
    <name>PropertiesDock</name>
    <message>
        <source>Properties</source>
        <translation>属性</translation>
    </message>
    <message>
        <source> people</source>
        <translation> 人</translation>
    </message>
    <message>
        <source>Choose a colour</source>
        <translation>选择颜色</translation>
    </message>
    <message>
        <source>The leading post is &amp;vacant</source>
        <translation>负责人岗位空缺(&amp;V)</translation>
    </message>
    <message>
        <source>S&amp;taff unit (drawn beside its manager)</source>
        <translation>参谋部门（画在上级旁边）(&amp;T)</translation>
    </message>
    <message>
        <source>A unit that assists its manager (an assistant, an office) rather than running a line of the business: charts place it in a column beside the manager, not in the row of line units</source>
        <translation>协助上级工作的部门（如助理、办公室），不承担直线业务：组织图把它画在上级旁边的一列，而不是直线部门那一行</translation>
    </message>
    <message>
        <source>e.g. monthly</source>
        <translation>例如：每月</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Leader:</source>
        <translation>负责人(&amp;L)：</translation>
    </message>
    <message>
        <source>C&amp;hair:</source>
        <translation>主席(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Meets:</source>
        <translation>会议频率(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Headcount:</source>
        <translation>人数(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Budget:</source>
        <translation>预算(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Colour:</source>
        <translation>颜色(&amp;C)：</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <source>KPIs:</source>
        <translation>关键指标：</translation>
    </message>
    <message>
        <source>Collaboration link</source>
        <translation>协作关系</translation>
    </message>
    <message>
        <source>Select a department to edit it.</source>
        <translation>选择一个部门进行编辑。</translation>
    </message>
    <message>
        <source>Department: %1</source>
        <translation>部门：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n departments selected</source>
        <translation>
            <numerusform>已选择 %n 个部门</numerusform>
        </translation>
    </message>
    <message>
        <source>owns %1</source>
        <translation>负责 %1</translation>
    </message>
    <message>
        <source>shares %1</source>
        <translation>共同承担 %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>(several values)</source>
        <translation>（多个值）</translation>
    </message>
    <message>
        <source>A colour is written #rrggbb, for example #4472c4.</source>
        <translation>颜色写作 #rrggbb，例如 #4472c4。</translation>
    </message>
    <message>
        <source>Department colour</source>
        <translation>部门颜色</translation>
    </message>
    <message>
        <source>Rename department</source>
        <translation>重命名部门</translation>
    </message>
    <message>
        <source>Change kind</source>
        <translation>更改类型</translation>
    </message>
    <message>
        <source>Change leader</source>
        <translation>更改负责人</translation>
    </message>
    <message>
        <source>Change headcount</source>
        <translation>更改人数</translation>
    </message>
    <message>
        <source>Change budget</source>
        <translation>更改预算</translation>
    </message>
    <message>
        <source>Change colour</source>
        <translation>更改颜色</translation>
    </message>
    <message>
        <source>Edit notes</source>
        <translation>编辑备注</translation>
    </message>
    <message>
        <source>Mark post vacant</source>
        <translation>标记岗位空缺</translation>
    </message>
    <message>
        <source>Mark staff unit</source>
        <translation>标记参谋部门</translation>
    </message>
    <message>
        <source>Change chair</source>
        <translation>更改主席</translation>
    </message>
    <message>
        <source>Change meeting cadence</source>
        <translation>更改会议频率</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Check before importing</source>
        <translation>导入前检查</translation>
    </message>
    <message>
        <source>What the importer found and repaired. Nothing is changed until you click Import.</source>
        <translation>导入程序发现并修复的问题。点击“导入”之前不会做任何更改。</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Into a &amp;new design (laid out automatically)</source>
        <translation>导入到新方案（自动布局）(&amp;N)</translation>
    </message>
    <message>
        <source>Into the &amp;current design (one undo step)</source>
        <translation>导入到当前方案（可一步撤销）(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>%1 rows become %2 departments with %3 top-level departments.</source>
        <translation>%1 行生成 %2 个部门，其中顶级部门 %3 个。</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) repaired:</source>
        <translation>
            <numerusform>修复了 %n 个问题：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>R: responsible (does the work)</source>
        <translation>R：执行（承担具体工作）</translation>
    </message>
    <message>
        <source>A: accountable (the owner)</source>
        <translation>A：负责（责任主体）</translation>
    </message>
    <message>
        <source>C: consulted</source>
        <translation>C：咨询</translation>
    </message>
    <message>
        <source>I: informed</source>
        <translation>I：知会</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Org Designer</source>
        <translation>组织架构设计器</translation>
    </message>
    <message>
        <source>Design departments, reporting lines and who owns each function.</source>
        <translation>设计部门、汇报关系，以及每项职能由谁负责。</translation>
    </message>
    <message>
        <source>New empty design</source>
        <translation>新建空白方案</translation>
    </message>
    <message>
        <source>Open a design...</source>
        <translation>打开方案...</translation>
    </message>
    <message>
        <source>Create from template</source>
        <translation>从模板创建</translation>
    </message>
    <message>
        <source>Start from a template</source>
        <translation>从模板开始</translation>
    </message>
    <message>
        <source>Recent designs</source>
        <translation>最近的方案</translation>
    </message>
    <message>
        <source>No recent designs yet.</source>
        <translation>还没有最近的方案。</translation>
    </message>
</context>
</TS>
