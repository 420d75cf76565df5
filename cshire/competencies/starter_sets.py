"""Starter competency sets for the three high-performer archetypes.

A team decides which kind of high performer it wants more of (DOMAIN.md, Hiring):
*careful support* (丁寧なサポート), *target-driven* (強い目標達成意識) or
*consulting strength* (高いコンサル力). Each archetype comes with seven starter
competencies (skills, mindset and ways of thinking) and a high-performer profile that
weights them. Teams import a set as a starting point and then adapt names, anchors and
weights to what their own top performers actually do.

Every competency has five behavioural anchors. They describe what an interviewer or a
manager can observe in real CS situations: level 1 is clearly below expectations,
level 3 is solid and competent, level 5 is the role model a high performer shows.

Profile weights (1.0-3.0) say how much a competency matters for the archetype; a
structured-interview kit asks more questions about heavier competencies. Target levels
(3-5) are the level a high performer of that archetype shows.

Pure data: no Flask, no SQLAlchemy. ``CLEAR-EXPLANATION`` belongs to both the
careful-support and the consulting set and is the same object in both.
"""

from dataclasses import dataclass

SKILL = "skill"  # スキル
MINDSET = "mindset"  # マインド
THINKING = "thinking"  # 考え方
CATEGORIES = (SKILL, MINDSET, THINKING)


@dataclass(frozen=True)
class Text:
    """One string in both UI languages."""

    en: str
    ja: str


@dataclass(frozen=True)
class StarterCompetency:
    code: str  # stable, upper-case, e.g. "EMPATHY"
    category: str  # SKILL | MINDSET | THINKING
    name: Text
    description: Text  # what it is and why it matters in CS
    levels: tuple[Text, Text, Text, Text, Text]  # behavioural anchors for levels 1..5


@dataclass(frozen=True)
class ProfileEntry:
    code: str
    weight: float  # importance for the high-performer profile, 1.0-3.0
    target_level: int  # level a high performer shows, 3-5


@dataclass(frozen=True)
class Archetype:
    code: str  # "careful_support" | "target_driven" | "consulting"
    name: Text
    description: Text  # who fits, typical background
    profile_name: Text
    profile: tuple[ProfileEntry, ...]  # heaviest first


_STARTERS: tuple[StarterCompetency, ...] = (
    # --- careful support --------------------------------------------------------------------------
    StarterCompetency(
        code="EMPATHY",
        category=MINDSET,
        name=Text(en="Empathy for the customer", ja="顧客への共感"),
        description=Text(
            en=(
                "Understands the customer's situation, feelings and pressures from their point of "
                "view and lets that understanding shape the response. Customers who feel "
                "understood raise problems early and are more willing to follow the CSM's advice."
            ),
            ja=(
                "顧客の置かれた状況や気持ち、抱えているプレッシャーを相手の立場で理解し、"
                "その理解を対応に反映させる姿勢です。わかってもらえていると感じた顧客は課題を早めに"
                "打ち明けてくれるため、CSMの助言も受け入れられやすくなります。"
            ),
        ),
        levels=(
            Text(
                en=(
                    "Jumps to product answers or company policy without acknowledging how the "
                    "customer feels; misreads frustration or dismisses it as unreasonable."
                ),
                ja=(
                    "顧客の気持ちに触れないまま、製品の説明や社内ルールの話に入ってしまいます。"
                    "不満の背景を読み違えたり、理不尽な要求として片付けたりします。"
                ),
            ),
            Text(
                en=(
                    "Acknowledges feelings with stock phrases such as 'I understand', but does not "
                    "adapt the response to the customer's actual situation."
                ),
                ja=(
                    "「お気持ちはわかります」といった定型句で受け止めはするものの、"
                    "顧客の実情に合わせて対応を変えるまでには至りません。"
                ),
            ),
            Text(
                en=(
                    "Listens to the end, restates the customer's situation and concern in their "
                    "own words to confirm it, and takes it into account in the next step."
                ),
                ja=(
                    "話を最後まで聞き、顧客の状況や懸念を自分の言葉で言い換えて確認したうえで、"
                    "次の対応に反映させます。"
                ),
            ),
            Text(
                en=(
                    "Draws out unspoken concerns through questions, such as pressure from the "
                    "customer's boss or fear of being blamed, and adjusts the timing, tone and "
                    "content of support to them."
                ),
                ja=(
                    "質問を通じて、上司からのプレッシャーや責任を問われる不安など、"
                    "言葉にされない懸念まで汲み取り、支援のタイミング・伝え方・内容を調整します。"
                ),
            ),
            Text(
                en=(
                    "Understands each stakeholder's position well enough to address concerns "
                    "before they surface. Customers describe them as 'someone who really "
                    "understands us', and the way they handle difficult conversations is a model "
                    "for the team."
                ),
                ja=(
                    "関係者それぞれの立場を深く理解し、懸念が表に出る前に先回りして手を打ちます。"
                    "顧客から「自社のことを本当にわかってくれる担当者」と評価され、"
                    "難しい対話の進め方がチームの手本になっています。"
                ),
            ),
        ),
    ),
    StarterCompetency(
        code="REASSURANCE",
        category=SKILL,
        name=Text(en="Reassuring communication", ja="安心感を与える対話"),
        description=Text(
            en=(
                "Communicates calmly, honestly and predictably so that customers feel the "
                "situation is in good hands, especially when something goes wrong. This keeps "
                "trust intact through incidents, delays and change."
            ),
            ja=(
                "特にトラブルの際に、落ち着いて誠実に、見通しを示しながらやり取りし、"
                "「この人に任せておけば大丈夫」と感じてもらう力です。障害や遅延、"
                "変化の局面でも信頼関係を保つ土台になります。"
            ),
        ),
        levels=(
            Text(
                en=(
                    "Becomes defensive or vague under pressure; makes promises that cannot be "
                    "kept, or leaves the customer without updates."
                ),
                ja=(
                    "プレッシャーがかかると言い訳や曖昧な説明に終始し、守れない約束をしたり、"
                    "続報を出さずに顧客を待たせたままにしたりします。"
                ),
            ),
            Text(
                en=(
                    "Stays polite but gives no clear outlook; the customer still does not know "
                    "what happens next or when they will hear back."
                ),
                ja=(
                    "丁寧な口調は保つものの見通しを示せず、顧客は次に何が起きるのか、"
                    "いつ連絡が来るのかがわからないままです。"
                ),
            ),
            Text(
                en=(
                    "Calmly explains what is known and what is not yet known, states the next step "
                    "and the time of the next update, and keeps that commitment."
                ),
                ja=(
                    "わかっていることとまだわからないことを落ち着いて伝え、"
                    "次の対応と次回の連絡時刻を示し、その約束を守ります。"
                ),
            ),
            Text(
                en=(
                    "Adjusts the channel, frequency and level of detail to how anxious the "
                    "customer is, and aligns expectations early so that the customer is never "
                    "caught by surprise."
                ),
                ja=(
                    "顧客の不安の度合いに合わせて連絡手段・頻度・説明の細かさを調整し、"
                    "早めに期待値をすり合わせて、顧客が不意を突かれることのないようにします。"
                ),
            ),
            Text(
                en=(
                    "Turns incidents into moments that build trust: customers say they felt safe "
                    "even while the problem lasted, and their way of communicating is used as the "
                    "team's template for incidents and escalations."
                ),
                ja=(
                    "トラブル対応を、信頼を深める機会に変えます。"
                    "顧客から「問題が続いている間も安心できた」と言われ、"
                    "その伝え方が障害時やエスカレーション時の連絡のひな形としてチームで使われていま"
                    "す。"
                ),
            ),
        ),
    ),
    StarterCompetency(
        code="RESPONSIVENESS",
        category=SKILL,
        name=Text(en="Fast and reliable response", ja="迅速で確実な対応"),
        description=Text(
            en=(
                "Responds quickly and follows through reliably: acknowledges requests promptly, "
                "prioritises them by impact and closes every loop. Speed without reliability "
                "creates rework, and reliability without speed loses the customer's trust."
            ),
            ja=(
                "問い合わせや依頼にすばやく反応し、影響度に応じて優先順位をつけ、"
                "最後まで確実にやり切る力です。速さだけでは手戻りが生まれ、"
                "確実さだけでは顧客の信頼を失うため、その両立が求められます。"
            ),
        ),
        levels=(
            Text(
                en=(
                    "Replies late or only when chased; forgets requests or closes them without "
                    "confirming they were resolved."
                ),
                ja=(
                    "返信が遅く、催促されて初めて動きます。依頼を忘れたり、"
                    "解決を確認しないままクローズしたりします。"
                ),
            ),
            Text(
                en=(
                    "Replies quickly but handles requests in the order they arrive regardless of "
                    "impact, and sometimes misses a follow-up."
                ),
                ja=(
                    "返信は早いものの、影響度に関係なく届いた順に処理し、"
                    "フォローアップが漏れることがあります。"
                ),
            ),
            Text(
                en=(
                    "Acknowledges requests within the agreed time, prioritises by business impact "
                    "and urgency, and tracks each item until the customer confirms it is resolved."
                ),
                ja=(
                    "決められた時間内に一次返信し、業務への影響と緊急度で優先順位をつけ、"
                    "顧客が解決を確認するまで一件ずつ追跡します。"
                ),
            ),
            Text(
                en=(
                    "Handles a heavy workload without dropping anything, escalates internally at "
                    "the right moment, and keeps customers informed when something takes longer "
                    "than expected."
                ),
                ja=(
                    "案件が立て込んでも取りこぼさず、適切なタイミングで社内にエスカレーションし、"
                    "想定より時間がかかる場合は途中経過を顧客に伝えます。"
                ),
            ),
            Text(
                en=(
                    "Is known inside and outside the company for never letting anything slip, and "
                    "raises the speed and reliability of the whole team through templates, triage "
                    "rules and revised SLAs."
                ),
                ja=(
                    "対応漏れがないことで社内外から信頼されています。"
                    "テンプレートや振り分けのルール、SLAの見直しなどを通じて、"
                    "チーム全体の対応スピードと確実性を引き上げています。"
                ),
            ),
        ),
    ),
    StarterCompetency(
        code="CLEAR-EXPLANATION",
        category=SKILL,
        name=Text(en="Clear explanation", ja="わかりやすい説明"),
        description=Text(
            en=(
                "Explains product behaviour, technical constraints and recommendations in words "
                "the listener understands, adapting to their role and knowledge. Clear "
                "explanations speed up adoption and prevent misunderstandings that later turn into "
                "escalations."
            ),
            ja=(
                "製品の仕様や技術的な制約、提案の内容を、相手の役割や知識に合わせて理解できる言葉で"
                "伝える力です。わかりやすい説明は活用の定着を早め、"
                "後々のエスカレーションにつながる誤解を防ぎます。"
            ),
        ),
        levels=(
            Text(
                en=(
                    "Uses jargon and internal terms, describes features rather than what they mean "
                    "for the customer, and does not check whether the listener understood."
                ),
                ja=(
                    "専門用語や社内用語をそのまま使い、顧客にとっての意味ではなく機能の説明に終始し"
                    "ます。相手が理解できたかどうかも確認しません。"
                ),
            ),
            Text(
                en=(
                    "Explanations are accurate but long and unstructured, so the listener has to "
                    "ask several times to get the point."
                ),
                ja=(
                    "説明の内容は正確ですが、長く整理されていないため、"
                    "相手は何度も聞き返さないと要点をつかめません。"
                ),
            ),
            Text(
                en=(
                    "Starts with the conclusion, uses the customer's own vocabulary and concrete "
                    "examples, and confirms understanding before moving on."
                ),
                ja=(
                    "結論から話し、顧客が普段使う言葉や具体例を用いて説明し、"
                    "理解できたかを確認してから次に進みます。"
                ),
            ),
            Text(
                en=(
                    "Adapts the same content to different audiences such as end users, "
                    "administrators and executives, and uses diagrams, demos or analogies to make "
                    "complex points easy to grasp."
                ),
                ja=(
                    "同じ内容でも、現場の利用者・管理者・経営層など相手に応じて伝え方を変え、"
                    "図やデモ、たとえ話を使って複雑な内容をつかみやすくします。"
                ),
            ),
            Text(
                en=(
                    "Gets difficult or unwelcome messages, such as a technical limitation or a "
                    "price change, understood and accepted; their explanations and materials are "
                    "reused across the team."
                ),
                ja=(
                    "技術的な制約や価格改定など、伝えにくい内容でも相手に理解し納得してもらえます。"
                    "作成した説明や資料がチーム内で再利用されています。"
                ),
            ),
        ),
    ),
    StarterCompetency(
        code="ROOT-CAUSE",
        category=THINKING,
        name=Text(en="Root-cause analysis", ja="原因を見極める力"),
        description=Text(
            en=(
                "Looks beyond the symptom a customer reports to find the underlying cause, whether "
                "it lies in the product, the configuration, the business process or the people "
                "involved. Fixing the real cause stops the same problem from recurring and shows "
                "where customers get stuck."
            ),
            ja=(
                "顧客が訴える表面的な症状にとどまらず、製品・設定・業務プロセス・体制のどこに本当の"
                "原因があるのかを突き止める力です。真の原因に手を打つことで同じ問題の再発を防ぎ、"
                "顧客がつまずきやすいポイントも見えてきます。"
            ),
        ),
        levels=(
            Text(
                en=(
                    "Takes the reported symptom at face value and applies the first fix that comes "
                    "to mind, so the same issue keeps coming back."
                ),
                ja=(
                    "報告された症状を額面どおりに受け取り、思いついた対処をすぐに当てはめるため、"
                    "同じ問題が繰り返し起こります。"
                ),
            ),
            Text(
                en=(
                    "Asks a few questions but stops at the first plausible explanation without "
                    "checking it against the facts."
                ),
                ja=(
                    "いくつか質問はするものの、もっともらしい説明が見つかった時点で止まり、"
                    "事実と照らし合わせた検証をしません。"
                ),
            ),
            Text(
                en=(
                    "Gathers the facts (when, who, which steps, what changed), reproduces the "
                    "issue where possible, and separates product problems from configuration or "
                    "usage problems."
                ),
                ja=(
                    "いつ・誰が・どの操作で・何が変わったかといった事実を集め、"
                    "可能な範囲で再現したうえで、製品に起因するのか、"
                    "設定や使い方に起因するのかを切り分けます。"
                ),
            ),
            Text(
                en=(
                    "Keeps asking 'why' until they reach process or organisational causes, such as "
                    "nobody owning the tool on the customer side, and addresses those as well as "
                    "the immediate fault."
                ),
                ja=(
                    "「なぜ」を繰り返し、顧客側にツールの担当者がいないといった業務や体制上の原因ま"
                    "でたどり着き、目の前の不具合だけでなくそこにも手を打ちます。"
                ),
            ),
            Text(
                en=(
                    "Spots patterns across customers and tickets, traces them to a common cause, "
                    "and drives a lasting fix together with the product, support and onboarding "
                    "teams."
                ),
                ja=(
                    "複数の顧客や問い合わせに共通するパターンに気づいて共通の原因を特定し、"
                    "プロダクト・サポート・オンボーディングの各チームを巻き込んで恒久的な改善につな"
                    "げます。"
                ),
            ),
        ),
    ),
    StarterCompetency(
        code="CUSTOMER-FIRST",
        category=MINDSET,
        name=Text(en="Customer-first attitude", ja="顧客第一の姿勢"),
        description=Text(
            en=(
                "Makes decisions with the customer's real success in mind, even when it means "
                "extra effort or an uncomfortable conversation inside the company. It is what "
                "convinces customers that the CSM is on their side, which is different from saying "
                "yes to everything."
            ),
            ja=(
                "手間が増えたり、社内で言いにくいことを伝えたりする場面でも、"
                "顧客の本当の成功を基準に判断する姿勢です。何でも引き受けることとは異なり、"
                "「この担当者は自分たちの味方だ」という顧客の信頼を生み出します。"
            ),
        ),
        levels=(
            Text(
                en=(
                    "Puts internal convenience or their own workload first, and answers 'that is "
                    "not possible' without looking for alternatives."
                ),
                ja=(
                    "社内の都合や自分の手間を優先し、代わりの方法を探さずに「それはできません」"
                    "と返してしまいます。"
                ),
            ),
            Text(
                en=(
                    "Wants to help, but treats customer-first as agreeing to every request, which "
                    "leads to promises the team cannot keep."
                ),
                ja=(
                    "顧客の役に立ちたい気持ちはあるものの、顧客第一を「何でも引き受けること」"
                    "と捉え、チームが守れない約束をしてしまいます。"
                ),
            ),
            Text(
                en=(
                    "Considers what the customer is trying to achieve, looks for alternatives when "
                    "a request cannot be met, and speaks up for the customer's needs inside the "
                    "company."
                ),
                ja=(
                    "顧客が何を実現したいのかを考え、要望に応えられない場合も代わりの方法を探し、"
                    "顧客のニーズを社内にも伝えます。"
                ),
            ),
            Text(
                en=(
                    "Tells customers honestly when a request will not serve their goals and "
                    "proposes what will, balancing the customer's interests with the company's in "
                    "a way both sides accept."
                ),
                ja=(
                    "要望が顧客の目的につながらない場合は率直にそう伝え、"
                    "目的に合う方法を提案します。顧客と自社の双方が納得できる形で利害のバランスを取"
                    "ります。"
                ),
            ),
            Text(
                en=(
                    "Brings the voice of the customer into product and company decisions with "
                    "evidence, and is trusted by customers and colleagues alike to represent the "
                    "customer fairly."
                ),
                ja=(
                    "根拠を添えて顧客の声をプロダクトや会社の意思決定に届け、"
                    "顧客と社内の双方から「顧客の立場を公正に代弁してくれる人」"
                    "として信頼されています。"
                ),
            ),
        ),
    ),
    StarterCompetency(
        code="KNOWLEDGE-SHARING",
        category=MINDSET,
        name=Text(en="Knowledge sharing", ja="ナレッジ共有"),
        description=Text(
            en=(
                "Turns what they learn from customers into shared knowledge, such as FAQs, "
                "playbooks and case notes, so that every member can serve customers to the same "
                "standard. This is what keeps high-touch CS from depending on particular "
                "individuals."
            ),
            ja=(
                "顧客対応で得た学びを、FAQやプレイブック、対応事例などチームで使える形に残し、"
                "誰が担当しても同じ水準で支援できるようにする姿勢です。"
                "ハイタッチのCSが属人化するのを防ぐ鍵になります。"
            ),
        ),
        levels=(
            Text(
                en=(
                    "Keeps know-how in their head or in private notes; a colleague who takes over "
                    "their customers has to start from scratch."
                ),
                ja=(
                    "ノウハウを自分の頭の中や個人のメモにとどめており、"
                    "担当を引き継いだ同僚は一から情報を集め直すことになります。"
                ),
            ),
            Text(
                en=(
                    "Shares when asked, but their records are incomplete or inconsistent, so "
                    "others can rarely reuse them."
                ),
                ja=(
                    "聞かれれば教えるものの、記録が不十分だったり書き方がばらばらだったりして、"
                    "ほかのメンバーが再利用できることはほとんどありません。"
                ),
            ),
            Text(
                en=(
                    "Records customer context and solutions in the shared system in the agreed "
                    "format, and updates FAQs or help articles when they find a gap."
                ),
                ja=(
                    "顧客の状況や解決方法を決められた形式で共有システムに記録し、"
                    "FAQやヘルプ記事に不足を見つけたら更新します。"
                ),
            ),
            Text(
                en=(
                    "Shares lessons in team meetings without being asked, and turns recurring "
                    "questions into reusable materials such as templates, checklists and short "
                    "guides."
                ),
                ja=(
                    "チームの会議で学びを自ら共有し、繰り返し寄せられる質問をテンプレートやチェック"
                    "リスト、簡単なガイドなど再利用できる資料にまとめます。"
                ),
            ),
            Text(
                en=(
                    "Builds and maintains the knowledge base or playbooks that new members learn "
                    "from, with a visible effect such as fewer repeat questions or a shorter "
                    "ramp-up for new hires."
                ),
                ja=(
                    "新メンバーが学ぶためのナレッジベースやプレイブックを整備・更新し続け、"
                    "同じ問い合わせの件数や新メンバーが独り立ちするまでの期間を目に見えて減らしてい"
                    "ます。"
                ),
            ),
        ),
    ),
    # --- target-driven ----------------------------------------------------------------------------
    StarterCompetency(
        code="GOAL-ORIENTATION",
        category=MINDSET,
        name=Text(en="Goal orientation", ja="目標達成志向"),
        description=Text(
            en=(
                "Takes ownership of targets such as renewal rate, expansion revenue and churn, and "
                "works backwards from them to plan their actions. The more members think this way, "
                "the more predictable retention and revenue growth become."
            ),
            ja=(
                "更新率・アップセル額・解約率といった目標を自分ごととして引き受け、"
                "目標から逆算して行動を計画する姿勢です。この姿勢を持つメンバーが多いほど、"
                "継続率や売上の伸びを計画どおりに実現しやすくなります。"
            ),
        ),
        levels=(
            Text(
                en=(
                    "Does not know their own targets or current progress, and attributes misses to "
                    "external factors."
                ),
                ja="自分の目標や現在の達成状況を把握しておらず、未達の理由を外部要因に求めます。",
            ),
            Text(
                en=(
                    "Knows the target but spends the days reacting to whatever comes up, and only "
                    "starts to worry as the end of the period approaches."
                ),
                ja=(
                    "目標は把握しているものの、日々は目の前の対応に追われ、"
                    "期末が近づいてから焦り始めます。"
                ),
            ),
            Text(
                en=(
                    "Breaks the target down by month and by account, reviews progress regularly "
                    "and changes course when behind."
                ),
                ja=(
                    "目標を月別や顧客別に分解し、進捗を定期的に確認して、"
                    "遅れていれば行動を修正します。"
                ),
            ),
            Text(
                en=(
                    "Plans with a margin by building a pipeline larger than the target, acts early "
                    "on risks, and hits or exceeds targets consistently."
                ),
                ja=(
                    "目標を上回る見込み案件を積み上げて余裕のある計画を立て、"
                    "リスクには早めに手を打ち、安定して目標を達成・超過します。"
                ),
            ),
            Text(
                en=(
                    "Sets stretch goals beyond the assigned target and achieves them repeatedly, "
                    "and lifts the team's results by sharing how they plan and execute."
                ),
                ja=(
                    "与えられた目標を超える高い目標を自ら掲げて繰り返し達成し、"
                    "計画と実行の進め方を共有してチーム全体の成果を引き上げます。"
                ),
            ),
        ),
    ),
    StarterCompetency(
        code="NUMBERS-FOCUS",
        category=THINKING,
        name=Text(en="Focus on numbers", ja="数字へのこだわり"),
        description=Text(
            en=(
                "Thinks in concrete numbers, such as usage, health score, renewal and expansion "
                "amounts and conversion rates, rather than impressions, and uses them to decide "
                "where to spend time. Being precise about numbers lets the CSM spot risks and "
                "opportunities early and report convincingly."
            ),
            ja=(
                "印象や感覚ではなく、利用状況・ヘルススコア・更新額やアップセル額・転換率といった具"
                "体的な数字で考え、時間の使いどころを決める考え方です。数字を正確に押さえることで、"
                "リスクや機会を早く捉え、説得力のある報告ができます。"
            ),
        ),
        levels=(
            Text(
                en=(
                    "Describes accounts in vague terms such as 'it is going well', and cannot "
                    "state usage, contract value or renewal dates when asked."
                ),
                ja=(
                    "「順調です」など曖昧な表現で担当顧客を語り、利用状況や契約金額、"
                    "更新日を聞かれても答えられません。"
                ),
            ),
            Text(
                en=(
                    "Knows the main numbers but does not use them to decide what to do, and "
                    "reports figures without interpreting them."
                ),
                ja=(
                    "主要な数字は把握しているものの、行動を決める材料としては使っておらず、"
                    "報告も数字を並べるだけで解釈がありません。"
                ),
            ),
            Text(
                en=(
                    "Tracks the key metrics of each account, notices meaningful changes, and "
                    "explains what the numbers mean and what they will do about them."
                ),
                ja=(
                    "顧客ごとに主要な指標を追い、意味のある変化に気づいて、その数字が何を意味し、"
                    "どう対応するのかを説明できます。"
                ),
            ),
            Text(
                en=(
                    "Breaks results down by account, segment or journey stage to find where a gap "
                    "comes from, and forecasts renewals and expansion with good accuracy."
                ),
                ja=(
                    "成果を顧客別・セグメント別・ジャーニーのステップ別に分解して差がどこから生じて"
                    "いるかを見つけ、更新やアップセルの見込みを高い精度で予測します。"
                ),
            ),
            Text(
                en=(
                    "Defines the metrics the team should watch, sets up simple dashboards and "
                    "leading indicators, and is the person others turn to for a reliable forecast."
                ),
                ja=(
                    "チームが追うべき指標を定義し、シンプルなダッシュボードや先行指標を整え、"
                    "信頼できる予測が必要なときに真っ先に頼られる存在です。"
                ),
            ),
        ),
    ),
    StarterCompetency(
        code="EXPANSION-PROPOSAL",
        category=SKILL,
        name=Text(en="Upsell and cross-sell proposals", ja="アップセル・クロスセル提案力"),
        description=Text(
            en=(
                "Recognises when a customer would gain more value from a higher plan, more "
                "licences or another product, and proposes it in terms of the customer's own "
                "goals. Well-timed expansion grows revenue and the customer's success at the same "
                "time."
            ),
            ja=(
                "上位プランや追加ライセンス、別の製品によって顧客がより大きな価値を得られる場面を見"
                "極め、顧客自身の目標に沿った形で提案する力です。適切なタイミングでの提案は、"
                "売上の拡大と顧客の成功を同時に後押しします。"
            ),
        ),
        levels=(
            Text(
                en=(
                    "Does not notice expansion opportunities, or pushes products without linking "
                    "them to the customer's needs and so damages trust."
                ),
                ja=(
                    "アップセルの機会に気づかないか、顧客のニーズと結びつけずに製品を売り込み、"
                    "信頼を損ねてしまいます。"
                ),
            ),
            Text(
                en=(
                    "Mentions additional products or plans, but only in general terms, without "
                    "evidence of value or a clear next step."
                ),
                ja=(
                    "追加の製品やプランに触れはするものの、説明が一般的で、"
                    "価値の根拠や具体的な次のステップがありません。"
                ),
            ),
            Text(
                en=(
                    "Notices signals such as usage nearing a limit, interest from a new department "
                    "or a new business goal, links the proposal to the customer's goals and "
                    "results so far, and agrees on the next step."
                ),
                ja=(
                    "利用上限への接近、新しい部署からの関心、新たな事業目標といった兆しを捉え、"
                    "顧客の目標やこれまでの成果と結びつけて提案し、次のステップを合意します。"
                ),
            ),
            Text(
                en=(
                    "Builds the business case together with the customer (expected impact, cost, "
                    "timing), involves the decision maker, and works with the sales team where "
                    "needed."
                ),
                ja=(
                    "期待効果・費用・導入時期を含む投資対効果の根拠を顧客と一緒に組み立て、"
                    "決裁者を巻き込み、必要に応じて営業と連携します。"
                ),
            ),
            Text(
                en=(
                    "Generates expansion steadily as a natural result of customer success; "
                    "customers see the proposals as advice rather than selling, and their approach "
                    "has become the team standard."
                ),
                ja=(
                    "顧客の成功の延長として安定的にアップセルを生み出しています。"
                    "顧客からは売り込みではなく助言として受け止められ、"
                    "その進め方がチームの標準になっています。"
                ),
            ),
        ),
    ),
    StarterCompetency(
        code="RENEWAL-MANAGEMENT",
        category=SKILL,
        name=Text(en="Renewal management", ja="契約更新の管理"),
        description=Text(
            en=(
                "Manages each renewal as a process that starts months before the contract end "
                "date: knows every renewal date, assesses risk early and secures the decision in "
                "time. Predictable renewals are the foundation of recurring revenue."
            ),
            ja=(
                "契約更新を、更新日の数か月前から始まる一連のプロセスとして管理する力です。"
                "各社の更新日を把握し、リスクを早めに見極め、期限までに意思決定を得ます。"
                "更新を計画どおりに積み上げることが、継続収益の土台になります。"
            ),
        ),
        levels=(
            Text(
                en=(
                    "Only thinks about a renewal when the date is close or the customer brings up "
                    "cancellation, and has no overview of renewal risk across their accounts."
                ),
                ja=(
                    "更新日が迫るか、顧客から解約を切り出されて初めて更新を意識します。"
                    "担当顧客全体の更新リスクを把握していません。"
                ),
            ),
            Text(
                en=(
                    "Tracks renewal dates but raises the renewal late, leaving little time to deal "
                    "with objections or budget issues."
                ),
                ja=(
                    "更新日は管理しているものの、話を切り出すのが遅く、"
                    "反対意見や予算の問題に対応する時間がほとんど残りません。"
                ),
            ),
            Text(
                en=(
                    "Starts preparing well in advance (for example 90 days ahead), reviews the "
                    "value delivered with the customer, confirms how the decision will be made and "
                    "closes the renewal on time."
                ),
                ja=(
                    "90日前など十分に前から更新準備を始め、提供できた価値を顧客と振り返り、"
                    "意思決定の流れを確認したうえで、期限内に更新を取りまとめます。"
                ),
            ),
            Text(
                en=(
                    "Keeps a risk-rated renewal forecast for all accounts, acts early on those at "
                    "risk, and handles multi-year renewals and price changes smoothly."
                ),
                ja=(
                    "全顧客の更新見込みをリスク別に管理し、リスクのある顧客には早めに手を打ちます。"
                    "複数年契約や価格改定を伴う更新もスムーズに進めます。"
                ),
            ),
            Text(
                en=(
                    "Achieves consistently high renewal rates with accurate forecasts, and has "
                    "designed the renewal playbook and timeline that the team follows."
                ),
                ja=(
                    "高い更新率を安定して達成し、見込みの精度も高く、"
                    "チームが従う更新のプレイブックとスケジュールを設計しています。"
                ),
            ),
        ),
    ),
    StarterCompetency(
        code="PROACTIVITY",
        category=MINDSET,
        name=Text(en="Proactivity", ja="主体的な働きかけ"),
        description=Text(
            en=(
                "Acts without waiting to be asked: reaches out when signals change, proposes the "
                "next step and moves customers forward along the success journey. It is what "
                "separates reactive support from proactive success."
            ),
            ja=(
                "依頼を待たずに動く姿勢です。兆しの変化を捉えて自ら連絡し、次の一手を提案して、"
                "顧客をサクセスジャーニーの先へと進めます。受け身のサポートと能動的なサクセスを分け"
                "るのが、この姿勢です。"
            ),
        ),
        levels=(
            Text(
                en=(
                    "Waits for customers to get in touch, and only acts on requests and assigned "
                    "tasks."
                ),
                ja="顧客から連絡が来るのを待ち、依頼や割り当てられた作業にしか手をつけません。",
            ),
            Text(
                en=(
                    "Reaches out now and then, but mostly with routine check-ins that have no "
                    "clear purpose."
                ),
                ja=(
                    "ときどき自分から連絡するものの、目的のはっきりしない定期的なご機嫌伺いがほとん"
                    "どです。"
                ),
            ),
            Text(
                en=(
                    "Contacts customers with a clear purpose when a signal appears, such as a "
                    "change in usage, a milestone reached or a new stakeholder, and proposes a "
                    "concrete next step."
                ),
                ja=(
                    "利用状況の変化、マイルストーンの達成、新しい関係者の登場といった兆しがあれば目"
                    "的を持って連絡し、具体的な次の一手を提案します。"
                ),
            ),
            Text(
                en=(
                    "Plans proactive touchpoints for each account along the success journey, and "
                    "starts improvements within the team without being asked."
                ),
                ja=(
                    "サクセスジャーニーに沿って顧客ごとに能動的な接点を計画し、"
                    "チーム内の改善にも指示を待たずに取り組みます。"
                ),
            ),
            Text(
                en=(
                    "Anticipates customer needs and changes in the market, launches initiatives "
                    "that move many customers forward, and encourages others to take the "
                    "initiative too."
                ),
                ja=(
                    "顧客のニーズや市場の変化を先読みし、多くの顧客を前進させる施策を自ら立ち上げ、"
                    "周囲にも主体的に動くきっかけを与えます。"
                ),
            ),
        ),
    ),
    StarterCompetency(
        code="NEGOTIATION",
        category=SKILL,
        name=Text(en="Negotiation", ja="交渉力"),
        description=Text(
            en=(
                "Reaches agreements on renewal terms, pricing, scope and priorities that both "
                "sides can accept, by understanding the other side's interests and preparing "
                "options. Good negotiation protects revenue without damaging the relationship."
            ),
            ja=(
                "相手の関心事を理解し、選択肢を用意したうえで、更新条件や価格、対応範囲、"
                "優先順位について双方が納得できる合意をつくる力です。優れた交渉は、"
                "関係を損なわずに売上を守ります。"
            ),
        ),
        levels=(
            Text(
                en=(
                    "Goes in unprepared and either gives in at once to demands for discounts or "
                    "extra scope, or becomes rigid and argumentative."
                ),
                ja=(
                    "準備をせずに臨み、値引きや対応範囲の拡大の要求にすぐ応じてしまうか、"
                    "逆に頑なになって言い争いになります。"
                ),
            ),
            Text(
                en=(
                    "Prepares a position, but only one; when the customer pushes back, the only "
                    "lever they know is the price."
                ),
                ja=(
                    "自分の主張は用意するものの選択肢が一つしかなく、"
                    "顧客に押し返されると値引き以外の打ち手がありません。"
                ),
            ),
            Text(
                en=(
                    "Understands the customer's underlying interests, prepares several options and "
                    "trade-offs (term, scope, timing), and decides their own limits before the "
                    "meeting."
                ),
                ja=(
                    "顧客の本当の関心事を理解し、契約期間・範囲・時期などの選択肢と交換条件を複数用"
                    "意し、自分が譲れる範囲を事前に決めて臨みます。"
                ),
            ),
            Text(
                en=(
                    "Moves the discussion from price to value, trades concessions for commitments, "
                    "and reaches agreements that hold afterwards."
                ),
                ja=(
                    "議論を価格から価値へと切り替え、譲歩する代わりに相手からのコミットメントを引き"
                    "出し、後から覆らない合意をまとめます。"
                ),
            ),
            Text(
                en=(
                    "Calmly leads complex negotiations with several parties such as procurement, "
                    "executives and legal; the agreements improve both revenue and the "
                    "relationship, and they coach others in negotiation."
                ),
                ja=(
                    "購買部門・経営層・法務など多くの関係者が絡む複雑な交渉も落ち着いて進めます。"
                    "まとめた合意が売上と関係性の両方を高め、ほかのメンバーに交渉の指導もしていま"
                    "す。"
                ),
            ),
        ),
    ),
    StarterCompetency(
        code="RESILIENCE",
        category=MINDSET,
        name=Text(en="Resilience", ja="粘り強さ"),
        description=Text(
            en=(
                "Keeps going after setbacks such as a lost renewal, a harsh complaint or an "
                "account that will not move, learns from them and tries another approach. CS work "
                "involves frequent rejection, and resilience keeps performance steady."
            ),
            ja=(
                "更新の失注や厳しいクレーム、なかなか進展しない顧客といった逆境に直面しても、"
                "そこから学び、別のやり方を試しながら取り組み続ける姿勢です。"
                "断られることの多いCSの仕事で、成果を安定させる支えになります。"
            ),
        ),
        levels=(
            Text(
                en=(
                    "Gives up after the first rejection or complaint, and the setback affects "
                    "their work and mood for a long time."
                ),
                ja=(
                    "一度断られたりクレームを受けたりすると諦めてしまい、"
                    "その後も長く仕事ぶりや気持ちに影響が残ります。"
                ),
            ),
            Text(
                en=(
                    "Keeps trying, but repeats the same approach without reflecting on why it did "
                    "not work."
                ),
                ja=(
                    "取り組みは続けるものの、うまくいかなかった理由を振り返らず、"
                    "同じやり方を繰り返します。"
                ),
            ),
            Text(
                en=(
                    "Recovers from setbacks reasonably quickly, reflects on what went wrong and "
                    "tries a different approach."
                ),
                ja=(
                    "挫折しても比較的早く立ち直り、何がうまくいかなかったのかを振り返って、"
                    "別のやり方を試します。"
                ),
            ),
            Text(
                en=(
                    "Stays with difficult accounts for months, keeps a steady manner with the "
                    "customer, and has turned several of them around."
                ),
                ja=(
                    "難しい顧客にも数か月単位で粘り強く向き合い、顧客への接し方も一定に保ちながら、"
                    "状況を好転させた実績が複数あります。"
                ),
            ),
            Text(
                en=(
                    "Stays calm and positive under sustained pressure, treats failure as a source "
                    "of learning, and supports colleagues who are going through setbacks."
                ),
                ja=(
                    "厳しい状況が続いても冷静さと前向きさを失わず、失敗を学びに変え、"
                    "逆境にある同僚も支えます。"
                ),
            ),
        ),
    ),
    # --- consulting strength ----------------------------------------------------------------------
    StarterCompetency(
        code="DOMAIN-EXPERTISE",
        category=SKILL,
        name=Text(en="Business and industry expertise", ja="業務・業界の専門知識"),
        description=Text(
            en=(
                "Understands the customer's industry, business processes and typical challenges "
                "well enough to advise on how to use the product to improve them. This expertise "
                "lets the CSM talk to customers as a business peer, not only as a product expert."
            ),
            ja=(
                "顧客の業界や業務プロセス、よくある課題を深く理解し、"
                "製品を使ってそれをどう改善するかを助言できる力です。専門知識があることで、"
                "製品に詳しい人としてだけでなく、業務の相談相手として顧客と対等に話せるようになりま"
                "す。"
            ),
        ),
        levels=(
            Text(
                en=(
                    "Knows only the product's features; cannot follow the customer's business "
                    "vocabulary or explain how the product fits into their work."
                ),
                ja=(
                    "製品の機能しか知らず、顧客の業務用語についていけないため、"
                    "製品が顧客の業務にどう当てはまるかを説明できません。"
                ),
            ),
            Text(
                en=(
                    "Understands the customer's business in general terms, but the advice stays at "
                    "textbook level and does not fit the customer's situation."
                ),
                ja=(
                    "顧客の業務を一般的なレベルでは理解しているものの、"
                    "助言が教科書的な内容にとどまり、顧客の実情に合いません。"
                ),
            ),
            Text(
                en=(
                    "Understands the customer's key processes, metrics and industry practices, and "
                    "relates the use of the product to them in concrete terms."
                ),
                ja=(
                    "顧客の主要な業務プロセスや指標、業界の慣習を理解し、"
                    "製品の使い方をそれらに具体的に結びつけて説明できます。"
                ),
            ),
            Text(
                en=(
                    "Brings in good practices and benchmarks from other companies in the same "
                    "industry, and advises on changes to business processes, not just tool "
                    "settings."
                ),
                ja=(
                    "同業他社の成功事例やベンチマークを紹介し、ツールの設定にとどまらず業務プロセス"
                    "の見直しまで助言します。"
                ),
            ),
            Text(
                en=(
                    "Is recognised by customers as an industry expert, leads the creation of "
                    "industry-specific playbooks and content, and informs the direction of the "
                    "product."
                ),
                ja=(
                    "顧客から業界の専門家として認められています。"
                    "業界別のプレイブックやコンテンツづくりを主導し、"
                    "プロダクトの方向性にも知見を提供しています。"
                ),
            ),
        ),
    ),
    StarterCompetency(
        code="LOGICAL-THINKING",
        category=THINKING,
        name=Text(en="Logical thinking", ja="論理的思考"),
        description=Text(
            en=(
                "Structures problems and arguments clearly by breaking them into parts, linking "
                "evidence to conclusions and setting priorities, so that recommendations are "
                "convincing and decisions are sound. It is what makes CS advice credible to "
                "managers and executives."
            ),
            ja=(
                "課題や主張を要素に分解し、根拠と結論を筋道立ててつなぎ、"
                "優先順位をつけて整理する力です。提案に説得力が生まれ、"
                "顧客の管理職や経営層からも信頼される助言ができるようになります。"
            ),
        ),
        levels=(
            Text(
                en=(
                    "Jumps from point to point; conclusions are not backed by reasons, and major "
                    "and minor issues are mixed together."
                ),
                ja=(
                    "話があちこちに飛び、結論に根拠が伴わず、重要な論点と細かな論点が混在していま"
                    "す。"
                ),
            ),
            Text(
                en=(
                    "Offers a conclusion and some reasons, but gaps and leaps in the logic appear "
                    "when questioned further."
                ),
                ja=(
                    "結論といくつかの理由は示せるものの、掘り下げて質問されると論理の抜けや飛躍が見"
                    "えてきます。"
                ),
            ),
            Text(
                en=(
                    "States the conclusion first with supporting reasons, breaks problems into "
                    "parts without gaps or overlaps, and prioritises them."
                ),
                ja=(
                    "結論を先に述べて根拠を添え、課題を漏れなく重複なく分解し、"
                    "優先順位をつけられます。"
                ),
            ),
            Text(
                en=(
                    "Structures ambiguous, multi-factor situations by making options and decision "
                    "criteria explicit, and prepares answers to likely objections."
                ),
                ja=(
                    "要因が複雑に絡み合う曖昧な状況でも、選択肢と判断基準を明示して整理し、"
                    "想定される反論への答えも用意しておきます。"
                ),
            ),
            Text(
                en=(
                    "Brings clarity to complex discussions with customer executives or internal "
                    "leaders and moves them forward; their structured proposals are used as models "
                    "by the team."
                ),
                ja=(
                    "顧客の経営層や社内の責任者との複雑な議論を整理して前に進めます。"
                    "その構造化された提案書はチームの手本として使われています。"
                ),
            ),
        ),
    ),
    StarterCompetency(
        code="HYPOTHESIS-DRIVEN",
        category=THINKING,
        name=Text(en="Hypothesis-driven thinking", ja="仮説思考"),
        description=Text(
            en=(
                "Forms an early, testable hypothesis about the customer's real issue or "
                "opportunity and checks it quickly with data and questions, instead of waiting "
                "until all the information is in. This speeds up diagnosis and keeps customer "
                "meetings focused."
            ),
            ja=(
                "情報がそろうのを待たずに、顧客の本当の課題や機会について検証可能な仮説を早めに立"
                "て、データや質問ですばやく確かめていく考え方です。課題の特定が速くなり、"
                "顧客との打ち合わせも焦点が定まります。"
            ),
        ),
        levels=(
            Text(
                en=(
                    "Goes into customer meetings with no view of the issue and only asks open "
                    "questions, or clings to a first assumption despite contrary evidence."
                ),
                ja=(
                    "課題の見立てを持たずに打ち合わせに臨んで漠然とした質問を重ねるか、"
                    "反する事実があっても最初の思い込みに固執します。"
                ),
            ),
            Text(
                en=(
                    "Has hypotheses, but they are vague ('maybe they are not using it enough') and "
                    "are never explicitly tested."
                ),
                ja=(
                    "仮説は持っているものの「あまり使われていないのかもしれない」"
                    "といった曖昧なもので、明確に検証することはありません。"
                ),
            ),
            Text(
                en=(
                    "Forms specific hypotheses from the available data before a meeting, prepares "
                    "questions to test them and updates their view based on what they learn."
                ),
                ja=(
                    "手元のデータから打ち合わせ前に具体的な仮説を立て、"
                    "それを確かめるための質問を用意し、得られた情報に応じて見立てを更新します。"
                ),
            ),
            Text(
                en=(
                    "Works with several competing hypotheses at once, chooses the quickest way to "
                    "test each, and reaches the real issue faster than their peers."
                ),
                ja=(
                    "複数の対立する仮説を並行して持ち、それぞれを最も早く確かめる方法を選び、"
                    "周囲より速く本当の課題にたどり着きます。"
                ),
            ),
            Text(
                en=(
                    "Puts forward hypotheses that change how customers see their own problem, and "
                    "teaches others to build and test hypotheses, for example in pre-meeting "
                    "reviews."
                ),
                ja=(
                    "顧客自身の課題の捉え方を変えるような仮説を示します。"
                    "打ち合わせ前のレビューなどを通じて、仮説の立て方と検証の仕方をほかのメンバーに"
                    "も教えています。"
                ),
            ),
        ),
    ),
    StarterCompetency(
        code="SUCCESS-PLANNING",
        category=SKILL,
        name=Text(en="Success plan design", ja="サクセスプランの設計"),
        description=Text(
            en=(
                "Designs, together with the customer, a success plan that links their business "
                "goals to measurable milestones on the success journey, with owners and dates. A "
                "shared plan keeps both sides aligned and makes the value delivered easy to show "
                "at renewal."
            ),
            ja=(
                "顧客のビジネス目標を、サクセスジャーニー上の測定可能なマイルストーンに落とし込み、"
                "担当者と期日を定めたサクセスプランを顧客と一緒に設計する力です。"
                "共通の計画があることで双方の認識がそろい、更新時にも提供価値を示しやすくなります。"
            ),
        ),
        levels=(
            Text(
                en=(
                    "Has no plan beyond the onboarding checklist, and simply does whatever the "
                    "customer asks for."
                ),
                ja=(
                    "オンボーディングのチェックリスト以外に計画がなく、"
                    "顧客から求められたことに応じて動いているだけです。"
                ),
            ),
            Text(
                en=(
                    "Writes a plan, but the goals are vague ('make full use of the product') and "
                    "it is neither agreed nor reviewed with the customer."
                ),
                ja=(
                    "計画は作るものの「製品を使いこなす」といった曖昧な目標にとどまり、"
                    "顧客との合意や見直しも行いません。"
                ),
            ),
            Text(
                en=(
                    "Agrees measurable goals, milestones, owners and dates with the customer, and "
                    "reviews progress against them regularly."
                ),
                ja=(
                    "測定可能な目標・マイルストーン・担当者・期日を顧客と合意し、"
                    "定期的に進捗を振り返ります。"
                ),
            ),
            Text(
                en=(
                    "Links the plan to the customer's business results and executive priorities, "
                    "and revises it when the customer's situation changes."
                ),
                ja=(
                    "計画を顧客の事業成果や経営層の優先事項と結びつけ、"
                    "顧客の状況が変われば計画を見直します。"
                ),
            ),
            Text(
                en=(
                    "Their success plans are used by customers as an internal management tool, and "
                    "they have designed the plan templates and milestone definitions the whole "
                    "team uses."
                ),
                ja=(
                    "作成したサクセスプランが顧客社内の管理ツールとしても使われています。"
                    "チーム共通の計画テンプレートやマイルストーンの定義も設計しています。"
                ),
            ),
        ),
    ),
    StarterCompetency(
        code="STAKEHOLDER-MANAGEMENT",
        category=SKILL,
        name=Text(en="Stakeholder management", ja="ステークホルダー調整"),
        description=Text(
            en=(
                "Maps and engages the people who matter on the customer side (users, "
                "administrators, the champion and decision makers) and inside the company (sales, "
                "support, product), and aligns them on shared goals. Relationships with several "
                "stakeholders protect the account when a champion leaves or priorities shift."
            ),
            ja=(
                "顧客側の利用者・管理者・推進者（チャンピオン）・決裁者と、"
                "社内の営業・サポート・プロダクトといった関係者を把握して巻き込み、"
                "共通の目標に向けて足並みをそろえる力です。複数の関係者とつながっておくことで、"
                "推進者の退職や優先順位の変化があっても顧客との関係を保てます。"
            ),
        ),
        levels=(
            Text(
                en=(
                    "Relies entirely on one contact, and does not know who makes decisions or who "
                    "else is affected on the customer side."
                ),
                ja=(
                    "窓口担当者一人に頼り切っており、顧客側で誰が意思決定するのか、"
                    "ほかに誰が影響を受けるのかを把握していません。"
                ),
            ),
            Text(
                en=(
                    "Knows the key people but only contacts them when a problem arises, and tends "
                    "to involve internal teams late."
                ),
                ja=(
                    "主要な関係者は把握しているものの、問題が起きたときにしか連絡を取らず、"
                    "社内チームへの相談も遅れがちです。"
                ),
            ),
            Text(
                en=(
                    "Keeps a stakeholder map with roles and interests, maintains relationships at "
                    "more than one level (users, managers, executives), and involves internal "
                    "teams at the right time."
                ),
                ja=(
                    "役割や関心事を整理した関係者マップを持ち、現場・管理職・経営層など複数の層と関"
                    "係を築き、社内チームも適切なタイミングで巻き込みます。"
                ),
            ),
            Text(
                en=(
                    "Brings stakeholders with conflicting priorities together around shared goals, "
                    "and secures executive sponsorship for important initiatives."
                ),
                ja=(
                    "優先事項が食い違う関係者同士を共通の目標のもとにまとめ、"
                    "重要な取り組みには経営層の後ろ盾を取り付けます。"
                ),
            ),
            Text(
                en=(
                    "Coordinates everyone involved even in large accounts that span many "
                    "departments, turns executives into advocates, and is trusted internally to "
                    "lead cross-functional responses."
                ),
                ja=(
                    "複数の部門にまたがる大規模な顧客でも関係者全体を取りまとめ、"
                    "経営層を自社の支持者に変えています。社内でも部門横断の対応を任される存在です。"
                ),
            ),
        ),
    ),
    StarterCompetency(
        code="DATA-INSIGHT",
        category=THINKING,
        name=Text(en="Data-driven insight", ja="データに基づく洞察"),
        description=Text(
            en=(
                "Turns usage data, health scores and business metrics into insights the customer "
                "can act on and into early warnings for the CS team. Insight from data makes the "
                "product's value visible and keeps advice objective."
            ),
            ja=(
                "利用データやヘルススコア、業務指標を読み解き、顧客が行動に移せる示唆や、"
                "CSチームにとっての早期の警告サインに変える力です。"
                "データに基づく洞察は製品の価値を目に見える形にし、助言に客観性をもたらします。"
            ),
        ),
        levels=(
            Text(
                en=(
                    "Does not look at data unless asked, and cannot say what it means when it is "
                    "shown to them."
                ),
                ja=(
                    "求められない限りデータを見ず、データを見せられても何を意味するのか説明できませ"
                    "ん。"
                ),
            ),
            Text(
                en=(
                    "Passes on numbers and charts from the tool as they are, without "
                    "interpretation or recommendations."
                ),
                ja="ツールの数値やグラフをそのまま報告するだけで、解釈や提案がありません。",
            ),
            Text(
                en=(
                    "Reads trends and differences (for example between departments) in usage data, "
                    "explains what they mean for the customer and recommends a concrete action."
                ),
                ja=(
                    "利用データの推移や部署ごとの違いを読み取り、"
                    "それが顧客にとって何を意味するのかを説明し、具体的な行動を提案します。"
                ),
            ),
            Text(
                en=(
                    "Combines product data with the customer's business metrics to show impact, "
                    "such as hours saved or effect on revenue, and to detect risks early."
                ),
                ja=(
                    "製品の利用データと顧客の業務指標を組み合わせて、"
                    "削減できた時間や売上への影響といった成果を示し、リスクも早期に見つけます。"
                ),
            ),
            Text(
                en=(
                    "Produces insights that change customers' decisions or the team's strategy, "
                    "and leads improvements to the health score definition and reports the team "
                    "uses."
                ),
                ja=(
                    "顧客の意思決定やチームの戦略を変えるような示唆を生み出します。"
                    "チームで使うヘルススコアの定義やレポートの改善も主導しています。"
                ),
            ),
        ),
    ),
)

ARCHETYPES: dict[str, Archetype] = {
    "careful_support": Archetype(
        code="careful_support",
        name=Text(en="Careful support", ja="丁寧なサポート"),
        description=Text(
            en=(
                "High performers stand out for care, reassurance and empathy in every customer "
                "interaction. People with customer support or help desk experience often fit well, "
                "and the style suits products where customers need close, patient guidance."
            ),
            ja=(
                "顧客対応の丁寧さ・安心感・共感力を強みとするハイパフォーマーが活躍するタイプです。"
                "カスタマーサポートやヘルプデスクの経験者がなじみやすく、"
                "顧客に寄り添った手厚い支援が求められる製品に向いています。"
            ),
        ),
        profile_name=Text(
            en="CSM — high touch (careful support)",
            ja="CSM（ハイタッチ・丁寧なサポート型）",
        ),
        profile=(
            ProfileEntry("EMPATHY", weight=3.0, target_level=5),
            ProfileEntry("REASSURANCE", weight=2.5, target_level=5),
            ProfileEntry("RESPONSIVENESS", weight=2.0, target_level=4),
            ProfileEntry("CUSTOMER-FIRST", weight=2.0, target_level=4),
            ProfileEntry("CLEAR-EXPLANATION", weight=1.5, target_level=4),
            ProfileEntry("ROOT-CAUSE", weight=1.5, target_level=3),
            ProfileEntry("KNOWLEDGE-SHARING", weight=1.0, target_level=3),
        ),
    ),
    "target_driven": Archetype(
        code="target_driven",
        name=Text(en="Target-driven", ja="強い目標達成意識"),
        description=Text(
            en=(
                "High performers are driven by numbers and compete on renewal and upsell / "
                "cross-sell results. People with a sales background often fit well, and the style "
                "suits businesses that put growth in recurring revenue from existing customers "
                "first."
            ),
            ja=(
                "数字への意識と目標達成意欲が強く、継続契約やアップセル・クロスセルの金額を競い合う"
                "ようなハイパフォーマーが活躍するタイプです。営業経験者がなじみやすく、"
                "既存顧客からの継続収益の拡大を最優先する事業に向いています。"
            ),
        ),
        profile_name=Text(
            en="CSM — renewal and expansion (target-driven)",
            ja="CSM（更新・拡大を担う目標達成型）",
        ),
        profile=(
            ProfileEntry("GOAL-ORIENTATION", weight=3.0, target_level=5),
            ProfileEntry("NUMBERS-FOCUS", weight=2.5, target_level=5),
            ProfileEntry("RENEWAL-MANAGEMENT", weight=2.0, target_level=4),
            ProfileEntry("EXPANSION-PROPOSAL", weight=2.0, target_level=4),
            ProfileEntry("PROACTIVITY", weight=1.5, target_level=4),
            ProfileEntry("NEGOTIATION", weight=1.5, target_level=3),
            ProfileEntry("RESILIENCE", weight=1.0, target_level=3),
        ),
    ),
    "consulting": Archetype(
        code="consulting",
        name=Text(en="Consulting strength", ja="高いコンサル力"),
        description=Text(
            en=(
                "High performers bring business and industry expertise and logical, "
                "hypothesis-driven thinking, and advise customers on how to change the way they "
                "work, not just on how to use the product. People with a consulting background "
                "often fit well, and the style suits complex products that reshape customers' "
                "operations."
            ),
            ja=(
                "業務・業界の専門知識と、論理的で仮説に基づく思考を武器に、"
                "製品の使い方にとどまらず業務の進め方まで助言できるハイパフォーマーが活躍するタイプ"
                "です。コンサルタント経験者がなじみやすく、顧客の業務を大きく変える複雑な製品に向い"
                "ています。"
            ),
        ),
        profile_name=Text(
            en="CSM — advisory (consulting strength)",
            ja="CSM（アドバイザリー・コンサル型）",
        ),
        profile=(
            ProfileEntry("DOMAIN-EXPERTISE", weight=3.0, target_level=5),
            ProfileEntry("LOGICAL-THINKING", weight=2.5, target_level=5),
            ProfileEntry("HYPOTHESIS-DRIVEN", weight=2.0, target_level=4),
            ProfileEntry("SUCCESS-PLANNING", weight=2.0, target_level=4),
            ProfileEntry("DATA-INSIGHT", weight=1.5, target_level=4),
            ProfileEntry("STAKEHOLDER-MANAGEMENT", weight=1.5, target_level=3),
            ProfileEntry("CLEAR-EXPLANATION", weight=1.0, target_level=3),
        ),
    ),
}

COMPETENCIES: dict[str, StarterCompetency] = {c.code: c for c in _STARTERS}


def competencies_for(archetype_code: str) -> list[StarterCompetency]:
    """The starter competencies of an archetype, in profile order (heaviest first).

    Raises ``KeyError`` for an unknown archetype code.
    """
    archetype = ARCHETYPES[archetype_code]
    return [COMPETENCIES[entry.code] for entry in archetype.profile]
