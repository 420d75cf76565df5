"""Word lists the generator combines into names and texts.

The text only has to look like real content to the database and the templates
(length, a mix of English and Japanese); nobody reads it. It is written for the
benchmark, not taken from the product's demo data.
"""

FIRST_NAMES_EN = (
    "Alex", "Sam", "Jordan", "Taylor", "Morgan", "Casey", "Riley", "Jamie", "Avery", "Quinn",
    "Maya", "Liam", "Noah", "Emma", "Olivia", "Lucas", "Sofia", "Ethan", "Chloe", "Daniel",
)
LAST_NAMES_EN = (
    "Smith", "Garcia", "Chen", "Okafor", "Novak", "Silva", "Khan", "Müller", "Rossi", "Dubois",
    "Kowalski", "Nguyen", "Andersen", "Patel", "Lindqvist", "Moreau", "Evans", "Costa",
)
FAMILY_NAMES_JA = ("佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤")
GIVEN_NAMES_JA = ("陽菜", "蓮", "結衣", "湊", "美咲", "大翔", "さくら", "悠真", "葵", "健太")

TEAM_AREAS = ("Onboarding", "Adoption", "Renewals", "Enterprise", "SMB", "Scale", "Support")
TEAM_REGIONS = ("Tokyo", "Osaka", "Fukuoka", "Berlin", "London", "Austin", "Singapore")

# Themes for generated competencies: (English name, Japanese name, category).
COMPETENCY_THEMES = (
    ("Renewal forecasting", "更新予測", "thinking"),
    ("Executive sponsorship", "経営層との関係構築", "skill"),
    ("Product storytelling", "製品ストーリーテリング", "skill"),
    ("Ownership of outcomes", "成果へのオーナーシップ", "mindset"),
    ("Data-driven prioritisation", "データに基づく優先順位付け", "thinking"),
    ("Calm under escalation", "エスカレーション時の冷静さ", "mindset"),
    ("Workshop facilitation", "ワークショップ運営", "skill"),
    ("Health-score literacy", "ヘルススコアの理解", "thinking"),
    ("Cross-team advocacy", "部門横断の代弁", "skill"),
    ("Curiosity about the customer", "顧客への好奇心", "mindset"),
    ("Expansion discovery", "アップセル機会の発見", "skill"),
    ("Structured problem solving", "構造的な問題解決", "thinking"),
)
CATEGORIES = ("skill", "mindset", "thinking")

LEVEL_WORDS_EN = (
    "rarely shows this, even with help",
    "shows it when prompted and supported",
    "shows it reliably in routine situations",
    "shows it in difficult situations and helps others",
    "sets the standard for the team and improves how it is done",
)
LEVEL_WORDS_JA = (
    "支援があってもほとんど見られない",
    "促されれば支援のもとで発揮する",
    "通常の場面で安定して発揮する",
    "難しい場面でも発揮し、他者を支援する",
    "チームの基準を作り、やり方を改善する",
)

PROFILE_ROLES = (
    ("CSM — high touch", "CSM（ハイタッチ）"),
    ("CSM — tech touch", "CSM（テックタッチ）"),
    ("Onboarding specialist", "オンボーディング担当"),
    ("Renewal manager", "リニューアル担当"),
    ("Enterprise CSM", "エンタープライズCSM"),
    ("Support engineer", "サポートエンジニア"),
)

SCENES_EN = (
    "has not logged in for a month and asks to cancel",
    "escalates to your CEO after an outage",
    "wants a feature that is not on the roadmap before renewal",
    "has a new sponsor who never chose the product",
    "uses only one of the five modules they pay for",
    "asks for a discount in exchange for a case study",
    "misses three onboarding sessions in a row",
    "reports a bug that support cannot reproduce",
    "doubles their seat count and wants training next week",
    "complains that your last business review was a waste of time",
)
SCENES_JA = (
    "1か月ログインがなく、解約したいと言ってきた",
    "障害の後、社長にエスカレーションした",
    "更新前にロードマップにない機能を求めている",
    "製品を選んでいない新しい責任者に代わった",
    "契約している5つのモジュールのうち1つしか使っていない",
    "事例記事と引き換えに値引きを求めている",
)
ACTIONS_EN = (
    "turned around an account that was about to churn",
    "had to say no to an important customer",
    "found a risk in the data before anyone else",
    "changed how your team worked because of customer feedback",
    "handled two urgent customers at the same time",
    "convinced a sceptical stakeholder",
    "made a mistake with a customer and fixed it",
    "coached a colleague through a difficult account",
)
ACTIONS_JA = (
    "解約寸前の顧客を立て直した",
    "重要な顧客に断らなければならなかった",
    "誰よりも早くデータからリスクを見つけた",
    "顧客の声をもとにチームのやり方を変えた",
)
PROBES_EN = (
    "What did you do first, and why?",
    "Who else did you involve?",
    "How did you know it had worked?",
    "What would you do differently now?",
    "What did the customer say?",
)
PROBES_JA = ("最初に何をしましたか？", "誰を巻き込みましたか？", "結果はどう確かめましたか？")
