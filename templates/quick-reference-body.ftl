<#ftl output_format="HTML" strip_whitespace=true>
<#-- The quick-reference card's body (QuickReferenceCard builds the model from quick-reference.yaml):
     the figures' tables across the page, then the topics in columns, then the notation of their
     formulas. Every figure names where it comes from in data-from: a data key, a glossary symbol's
     unit (symbols.) or meaning (glossary.), or a worked example's anchor and step. Math images arrive as markup from the math renderer; every other value is escaped. -->
<h1 id="quick-reference">Quick reference</h1>
<p class="lead">The formulas, hardware and model figures and rules of thumb to know by heart, on a few printed pages. Every one is the guide's own and was verified with it; a formula links to the chapter that explains it, a rule to its worked example.</p>
<div class="card-figures">
<#list tables as table>
<div class="card-table-wrap" tabindex="0" role="region" aria-label="${table.caption}">
<table class="card-table">
<caption>${table.caption}</caption>
<thead><tr><td></td><#list table.columns as c><th scope="col">${c}</th></#list></tr></thead>
<tbody>
<#list table.rows as r>
<tr><th scope="row" data-from="${r.key}">${r.name}</th><#list r.cells as c><#if c.text??><td data-from="${c.key}">${c.text}</td><#else><td>–</td></#if></#list></tr>
</#list>
</tbody>
</table>
</div>
</#list>
</div>
<div class="card-columns">
<#list topics as t>
<section class="card-topic" aria-labelledby="${t.id}">
<h2 id="${t.id}">${t.title}</h2>
<#if t.formulas?has_content>
<ul class="card-formulas">
<#list t.formulas as f>
<li><div class="card-item"><div class="card-math"><a href="${f.href}">${f.img?no_esc}</a></div><p class="card-says">${f.meaning} <span class="unit" data-from="symbols.${f.symbol}">[${f.unit}]</span></p></div></li>
</#list>
</ul>
</#if>
<#if t.rules?has_content>
<ul class="card-rules">
<#list t.rules as r>
<li><div class="card-item"><a href="${r.href}" title="${r.example}"><strong data-from="${r.from}">${r.value}</strong></a> ${r.meaning}</div></li>
</#list>
</ul>
</#if>
</section>
</#list>
</div>
<section class="card-notation" aria-labelledby="topic-notation">
<h2 id="topic-notation">Notation</h2>
<dl class="card-symbols">
<#list symbols as s>
<div><dt>${s.img?no_esc}</dt><dd data-from="glossary.${s.name}">${s.meaning}</dd><#if s.unit?has_content> <dd class="unit" data-from="symbols.${s.name}">[${s.unit}]</dd></#if></div>
</#list>
</dl>
</section>
